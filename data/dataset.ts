/**
 * The dataset bundled into the extension: every profile in data/companies/, sorted by name, and a version
 * derived from their content. wxt.config.ts validated the same files before this was bundled.
 */
import type { CompanyProfile } from './schema';

export interface Dataset {
  version: string;
  companies: CompanyProfile[];
}

/** FNV-1a, 32-bit, as 8 hex digits: tiny, stable, and enough to tell two datasets apart. */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function makeDataset(profiles: readonly CompanyProfile[]): Dataset {
  const companies = [...profiles].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { version: contentHash(JSON.stringify(companies)), companies };
}

const files = import.meta.glob<CompanyProfile>('./companies/*.json', { eager: true, import: 'default' });

export const bundledDataset: Dataset = makeDataset(Object.values(files));
