/**
 * The dataset bundled into the extension: every profile in data/companies/, sorted by name, and a version
 * derived from their content. wxt.config.ts validated the same files before this was bundled.
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

const files = import.meta.glob<CompanyProfile>('../companies/*.json', { eager: true, import: 'default' });
const toolFiles = import.meta.glob<Tool>('../tools/*.json', { eager: true, import: 'default' });

export const bundledDataset: Dataset = makeDataset(Object.values(files), Object.values(toolFiles));
