/**
 * IndexedDB access (extension origin only: background, popup, options; never a content script, whose
 * IndexedDB would belong to the web page).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Dataset } from './dataset';
import { matchHostname } from './match';
import type { CompanyProfile } from './schema';

export const DB_NAME = 'python-inside';
const DB_VERSION = 1;

interface PythonInsideDB extends DBSchema {
  companies: { key: string; value: CompanyProfile };
  domains: { key: string; value: { domain: string; companyId: string } };
  meta: { key: string; value: string };
}

export type Database = IDBPDatabase<PythonInsideDB>;

let dbPromise: Promise<Database> | undefined;

export function openDatabase(): Promise<Database> {
  dbPromise ??= openDB<PythonInsideDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('companies', { keyPath: 'id' });
        db.createObjectStore('domains', { keyPath: 'domain' });
        db.createObjectStore('meta');
      }
    },
    // Another context is upgrading: let it, and reopen on next use.
    blocking() {
      void dbPromise?.then((db) => db.close());
      dbPromise = undefined;
    },
    terminated() {
      dbPromise = undefined;
    },
  }).catch((error: unknown) => {
    dbPromise = undefined; // a failed open must not poison every later call
    throw error;
  });
  return dbPromise;
}

/** Closes the shared connection (tests, and before deleting the database). */
export async function closeDatabase(): Promise<void> {
  const pending = dbPromise;
  dbPromise = undefined;
  if (pending) (await pending).close();
}

export async function storedDatasetVersion(): Promise<string | undefined> {
  return (await openDatabase()).get('meta', 'datasetVersion');
}

/**
 * Replaces the stored dataset when its version differs. One readwrite transaction over all three stores:
 * a reader sees the old dataset or the new one, never a mix. Returns whether anything was written.
 */
export async function seedDataset(dataset: Dataset): Promise<boolean> {
  const db = await openDatabase();
  const tx = db.transaction(['companies', 'domains', 'meta'], 'readwrite');
  const meta = tx.objectStore('meta');
  if ((await meta.get('datasetVersion')) === dataset.version) {
    await tx.done;
    return false;
  }
  const companies = tx.objectStore('companies');
  const domains = tx.objectStore('domains');
  try {
    // No await between requests: every put is queued in this same transaction, which commits once at the end.
    queue(companies.clear());
    queue(domains.clear());
    for (const company of dataset.companies) {
      queue(companies.put(company));
      for (const domain of company.domains) queue(domains.put({ domain, companyId: company.id }));
    }
    queue(meta.put(dataset.version, 'datasetVersion'));
  } catch (error) {
    // A put can throw synchronously (bad key); without an abort the clears above would commit on their own.
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
  return true;
}

/** A request whose failure is reported once, through the transaction's `done`, not again on its own. */
const queue = (request: Promise<unknown>) => void request.catch(() => undefined);

let seeded: Promise<unknown> | undefined;

/** Seeds once per context lifetime; every query waits for it, so the first lookup after install is never empty. */
export function ensureSeeded(dataset: Dataset): Promise<unknown> {
  seeded ??= seedDataset(dataset).catch((error: unknown) => {
    seeded = undefined;
    throw error;
  });
  return seeded;
}

/** Forget the once-per-context seed (tests and dataset updates). */
export function resetSeedState(): void {
  seeded = undefined;
}

export async function getCompany(id: string): Promise<CompanyProfile | undefined> {
  return (await openDatabase()).get('companies', id);
}

/** Every profile, sorted by name. */
export async function getAllCompanies(): Promise<CompanyProfile[]> {
  const all = await (await openDatabase()).getAll('companies');
  return all.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** Company id for a hostname: one indexed get per suffix of the hostname, inside one read transaction. */
export async function findCompanyIdForHost(hostname: string): Promise<string | null> {
  const store = (await openDatabase()).transaction('domains').store;
  return matchHostname(hostname, async (domain) => (await store.get(domain))?.companyId);
}

export async function findCompanyForHost(hostname: string): Promise<CompanyProfile | null> {
  const id = await findCompanyIdForHost(hostname);
  return id ? ((await getCompany(id)) ?? null) : null;
}
