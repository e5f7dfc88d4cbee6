/**
 * The dataset the extension ships: every profile in data/companies/ with its tools' links, sorted by name, and a
 * version derived from their content. The build writes it into the package as a data file (DATASET_FILE), read
 * only when IndexedDB must be seeded or has failed; see packaged-dataset.ts.
 */
import { fnv1a } from './hash';
import type { CompanyProfile, Tool } from '../profiles/schema';
import { withToolLinks } from '../profiles/tool-links';

export interface Dataset {
  version: string;
  companies: CompanyProfile[];
}

/** FNV-1a as 8 hex digits: enough to tell two datasets apart. */
export const contentHash = (text: string): string => fnv1a(text).toString(16).padStart(8, '0');

/** `tools`: the records the profiles' tool names are linked to (data/tools/); without them names stay plain. */
export function makeDataset(profiles: readonly CompanyProfile[], tools: readonly Tool[] = []): Dataset {
  const companies = [...profiles]
    .map((p) => (tools.length ? withToolLinks(p, tools) : p))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { version: contentHash(JSON.stringify(companies)), companies };
}

/** What seeding and the in-memory fallback need: the version at once, the profiles only when asked. */
export interface DatasetSource {
  version: string;
  load: () => Promise<Dataset>;
}

/** The dataset's file in the extension package. */
export const DATASET_FILE = 'dataset.json';
