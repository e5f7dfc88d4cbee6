/**
 * The background's access to the profiles: IndexedDB when it works, the bundled dataset in memory when it does
 * not (unavailable, blocked by another open version, or a seed that failed). Nothing the user sees depends on
 * the database being healthy; the options page says when the fallback is in use, and every worker start tries
 * to repair the database (re-seed, and if it cannot even be opened, delete and rebuild it).
 */
import type { DatasetSource } from '@/data/storage/dataset';
import { packagedDataset } from '@/data/storage/packaged-dataset';
import { closeDatabase, deleteDatabase, ensureSeeded, findCompanyForHost, getAllCompanies, resetSeedState } from '@/data/storage/db';
import { buildDomainIndex, matchHostnameSync } from '@/data/profiles/match';
import type { CompanyProfile } from '@/data/profiles/schema';
import { withTimeout } from '@/data/storage/timeout';

/** How long a database request may take before the worker answers from memory: a blocked open never settles. */
export const DATABASE_WAIT_MS = 3000;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/** One worker's lookups: what it concluded about the database, and the in-memory index it fell back to. */
export class ProfileLookup {
  /** Why IndexedDB is not in use in this worker's life, or null when it is. */
  problem: string | null = null;
  private memory: Promise<{ companies: CompanyProfile[]; index: Map<string, string>; byId: Map<string, CompanyProfile> }> | undefined;

  constructor(
    private readonly dataset: DatasetSource,
    readonly waitMs = DATABASE_WAIT_MS,
  ) {}

  /** The packaged profiles in memory: read only once IndexedDB has failed in this worker. */
  private inMemory() {
    this.memory ??= this.dataset.load().then(({ companies }) => ({
      companies,
      index: buildDomainIndex(companies),
      byId: new Map(companies.map((c) => [c.id, c])),
    }));
    return this.memory;
  }

  /** The dataset's version, known without reading it. */
  get version(): string {
    return this.dataset.version;
  }

  /** Seeds the database, repairing it if it cannot be used; on failure, remembers why and answers from memory. */
  async prepare(): Promise<void> {
    try {
      await withTimeout(ensureSeeded(this.dataset), this.waitMs, 'The profile database');
      this.problem = null;
    } catch (first) {
      try {
        await closeDatabase();
        resetSeedState();
        await withTimeout(deleteDatabase(), this.waitMs, 'Deleting the profile database');
        await withTimeout(ensureSeeded(this.dataset), this.waitMs, 'The rebuilt profile database');
        this.problem = null;
      } catch {
        this.problem = describe(first);
      }
    }
  }

  /** The company for a hostname, from IndexedDB, or from memory once IndexedDB has failed in this worker. */
  async companyFor(host: string): Promise<CompanyProfile | null> {
    if (!this.problem) {
      try {
        await withTimeout(ensureSeeded(this.dataset), this.waitMs, 'The profile database');
        return await withTimeout(findCompanyForHost(host), this.waitMs, 'The profile database');
      } catch (error) {
        this.problem = describe(error);
      }
    }
    const { index, byId } = await this.inMemory();
    const id = matchHostnameSync(host, index);
    return id ? (byId.get(id) ?? null) : null;
  }

  /** Every profile, sorted by name: from IndexedDB, or from memory once it has failed. */
  async everyCompany(): Promise<CompanyProfile[]> {
    if (!this.problem) {
      try {
        await withTimeout(ensureSeeded(this.dataset), this.waitMs, 'The profile database');
        const companies = await withTimeout(getAllCompanies(), this.waitMs, 'The profile database');
        if (companies.length) return companies;
        this.problem = 'the profile database is empty';
      } catch (error) {
        this.problem = describe(error);
      }
    }
    return (await this.inMemory()).companies;
  }
}

/** This worker's lookups. A worker that starts again (after idling, an update) starts with new ones. */
export const profileLookup = new ProfileLookup(packagedDataset);

export const prepareDatabase = () => profileLookup.prepare();
export const companyForHost = (host: string) => profileLookup.companyFor(host);
export const databaseProblem = () => profileLookup.problem;
