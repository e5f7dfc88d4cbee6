/**
 * IndexedDB access (extension origin only: background, popup, options; never a content script, whose
 * IndexedDB would belong to the web page).
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Dataset, DatasetSource } from './dataset';
import { inShard, layoutFor, shardDataset, shardOf, type CompanyShard, type DomainShard, type Layout } from './db-shards';
import { matchHostname } from '../profiles/match';
import type { CompanyProfile } from '../profiles/schema';

export const DB_NAME = 'python-inside';
const DB_VERSION = 2;

// Version 2 stores shards (see db-shards.ts) keyed by shard number; version 1 stored one record per company
// and per domain. meta holds the dataset version and the shard layout it was written with.
interface PythonInsideDB extends DBSchema {
  companies: { key: number; value: CompanyShard };
  domains: { key: number; value: DomainShard };
  meta: { key: string; value: string | Layout };
}

export type Database = IDBPDatabase<PythonInsideDB>;

/** A request whose failure is reported once, through the transaction's `done`, not again on its own. */
const queue = (request: Promise<unknown>): void => {
  request.catch(() => undefined);
};

let dbPromise: Promise<Database> | undefined;

export function openDatabase(): Promise<Database> {
  dbPromise ??= openDB<PythonInsideDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // By existence, not only by version: an empty database at version 1 (opened elsewhere without a version)
      // has no stores at all.
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      if (oldVersion < 2) {
        // The old per-record stores go; forgetting the version makes the next start seed the new layout.
        for (const name of ['companies', 'domains'] as const) {
          if (db.objectStoreNames.contains(name)) db.deleteObjectStore(name);
          db.createObjectStore(name);
        }
        queue(tx.objectStore('meta').delete('datasetVersion'));
      }
    },
    // Another context is upgrading: let it, and reopen on next use.
    blocking() {
      dbPromise?.then((db) => db.close(), () => undefined); // an open that failed left nothing to close
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
  return (await (await openDatabase()).get('meta', 'datasetVersion')) as string | undefined;
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
    const layout = layoutFor(dataset);
    const shards = shardDataset(dataset, layout);
    // No await between requests: every put is queued in this same transaction, which commits once at the end.
    queue(companies.clear());
    queue(domains.clear());
    shards.companies.forEach((shard, i) => queue(companies.put(shard, i)));
    shards.domains.forEach((shard, i) => queue(domains.put(shard, i)));
    queue(meta.put(layout, 'layout'));
    queue(meta.put(dataset.version, 'datasetVersion'));
  } catch (error) {
    // A put can throw synchronously (a value that cannot be stored); without an abort the clears above would
    // commit on their own.
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
  return true;
}


let seeded: Promise<unknown> | undefined;

/**
 * Seeds when the stored version is not the given one, reading the profiles only then: a worker that wakes with the
 * database current reads one small record, whatever the size of the dataset.
 */
export async function seedIfStale(source: DatasetSource): Promise<boolean> {
  if ((await storedDatasetVersion()) === source.version) return false;
  return seedDataset(await source.load());
}

/** A dataset in hand as a source (tests, and callers that already read it). */
const sourceOf = (dataset: Dataset | DatasetSource): DatasetSource =>
  'load' in dataset ? dataset : { version: dataset.version, load: () => Promise.resolve(dataset) };

/** Seeds once per context lifetime; every query waits for it, so the first lookup after install is never empty. */
export function ensureSeeded(dataset: Dataset | DatasetSource): Promise<unknown> {
  seeded ??= seedIfStale(sourceOf(dataset)).catch((error: unknown) => {
    seeded = undefined;
    throw error;
  });
  return seeded;
}

/** Forget the once-per-context seed (tests and dataset updates). */
export function resetSeedState(): void {
  seeded = undefined;
}

const NO_LAYOUT: Layout = { companyShards: 1, domainShards: 1 };

export async function getCompany(id: string): Promise<CompanyProfile | undefined> {
  const tx = (await openDatabase()).transaction(['meta', 'companies']);
  const layout = ((await tx.objectStore('meta').get('layout')) as Layout | undefined) ?? NO_LAYOUT;
  return inShard(await tx.objectStore('companies').get(shardOf(id, layout.companyShards)), id);
}

/** Every profile, sorted by name. */
export async function getAllCompanies(): Promise<CompanyProfile[]> {
  const shards = await (await openDatabase()).getAll('companies');
  return shards.flatMap((shard) => Object.values(shard)).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** Company id for a hostname: one small shard read per label of the hostname, inside one read transaction. */
export async function findCompanyIdForHost(hostname: string): Promise<string | null> {
  const tx = (await openDatabase()).transaction(['meta', 'domains']);
  const layout = ((await tx.objectStore('meta').get('layout')) as Layout | undefined) ?? NO_LAYOUT;
  const store = tx.objectStore('domains');
  return matchHostname(hostname, async (domain) => inShard(await store.get(shardOf(domain, layout.domainShards)), domain));
}

export async function findCompanyForHost(hostname: string): Promise<CompanyProfile | null> {
  const id = await findCompanyIdForHost(hostname);
  return id ? ((await getCompany(id)) ?? null) : null;
}

/** Removes the whole database (a repair when it cannot be opened at all). */
export async function deleteDatabase(): Promise<void> {
  await closeDatabase();
  await deleteDB(DB_NAME);
}
