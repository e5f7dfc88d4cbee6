/**
 * The dataset bundled into the extension: every profile in data/companies/, sorted by name, and a version
 * derived from their content. wxt.config.ts validated the same files before this was bundled.
 */
import { fnv1a } from './hash';
import type { CompanyProfile } from './schema';

export interface Dataset {
  version: string;
  companies: CompanyProfile[];
}

/** FNV-1a as 8 hex digits: enough to tell two datasets apart. */
export const contentHash = (text: string): string => fnv1a(text).toString(16).padStart(8, '0');

export function makeDataset(profiles: readonly CompanyProfile[]): Dataset {
  const companies = [...profiles].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { version: contentHash(JSON.stringify(companies)), companies };
}

const files = import.meta.glob<CompanyProfile>('./companies/*.json', { eager: true, import: 'default' });

export const bundledDataset: Dataset = makeDataset(Object.values(files));
