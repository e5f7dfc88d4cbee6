/**
 * How the browse page and the popup's search get every profile: straight from IndexedDB once the background has
 * seeded it; from the background's bundled copy when the page cannot use IndexedDB (unavailable, blocked, empty),
 * with the reason. Pages do not bundle the dataset themselves. (The options page asks the background in one
 * message, dataset:companies.)
 */
import { getAllCompanies, storedDatasetVersion } from './db';
import { askBackground } from '../messaging/extension';
import type { CompanyProfile } from '../profiles/schema';
import { withTimeout } from './timeout';

export interface PageDataset {
  version: string;
  companies: CompanyProfile[];
  /** why the profiles come from the bundled copy instead of the database, or null */
  problem: string | null;
}

const WAIT_MS = 3000;

async function fromDatabase(): Promise<PageDataset> {
  let version = await storedDatasetVersion();
  if (!version) {
    // Opened in the first instant after install: the background seeds first.
    const ensured = await askBackground({ type: 'dataset:ensure' });
    if (ensured.problem) throw new Error(ensured.problem);
    version = ensured.version;
  }
  const companies = await getAllCompanies();
  if (!companies.length) throw new Error('the profile database is empty');
  return { version, companies, problem: null };
}

export async function loadDataset(): Promise<PageDataset> {
  try {
    return await withTimeout(fromDatabase(), WAIT_MS, 'The profile database');
  } catch (error) {
    const fallback = await askBackground({ type: 'dataset:companies' });
    return { ...fallback, problem: fallback.problem ?? (error instanceof Error ? error.message : String(error)) };
  }
}
