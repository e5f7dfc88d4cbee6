/**
 * The background's access to the profiles: IndexedDB when it works, the bundled dataset in memory when it does
 * not (unavailable, blocked by another open version, or a seed that failed). Nothing the user sees depends on
 * the database being healthy; the options page says when the fallback is in use, and every worker start tries
 * to repair the database (re-seed, and if it cannot even be opened, delete and rebuild it).
 */
import { bundledDataset } from '@/data/storage/dataset';
import { closeDatabase, deleteDatabase, ensureSeeded, findCompanyForHost, resetSeedState } from '@/data/storage/db';
import { buildDomainIndex, matchHostnameSync } from '@/data/profiles/match';
import type { CompanyProfile } from '@/data/profiles/schema';
import { withTimeout } from '@/data/storage/timeout';

let timeoutMs = 3000;
/** Why IndexedDB is not in use in this worker's life, or null when it is. */
let problem: string | null = null;
let memory: { index: Map<string, string>; byId: Map<string, CompanyProfile> } | undefined;

export const databaseProblem = () => problem;

/** Tests shorten the wait for a blocked database. */
export function setDatabaseTimeout(ms: number) {
  timeoutMs = ms;
}

/** Forget this worker's verdict (tests; a real worker starts fresh anyway). */
export function resetLookupState() {
  problem = null;
  memory = undefined;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

function inMemory() {
  memory ??= {
    index: buildDomainIndex(bundledDataset.companies),
    byId: new Map(bundledDataset.companies.map((c) => [c.id, c])),
  };
  return memory;
}

/** Seeds the database, repairing it if it cannot be used; on failure, remembers why and answers from memory. */
export async function prepareDatabase(): Promise<void> {
  try {
    await withTimeout(ensureSeeded(bundledDataset), timeoutMs, 'The profile database');
    problem = null;
  } catch (first) {
    try {
      await closeDatabase();
      resetSeedState();
      await withTimeout(deleteDatabase(), timeoutMs, 'Deleting the profile database');
      await withTimeout(ensureSeeded(bundledDataset), timeoutMs, 'The rebuilt profile database');
      problem = null;
    } catch {
      problem = describe(first);
    }
  }
}

/** The company for a hostname, from IndexedDB, or from memory once IndexedDB has failed in this worker. */
export async function companyForHost(host: string): Promise<CompanyProfile | null> {
  if (!problem) {
    try {
      await withTimeout(ensureSeeded(bundledDataset), timeoutMs, 'The profile database');
      return await withTimeout(findCompanyForHost(host), timeoutMs, 'The profile database');
    } catch (error) {
      problem = describe(error);
    }
  }
  const { index, byId } = inMemory();
  const id = matchHostnameSync(host, index);
  return id ? (byId.get(id) ?? null) : null;
}
