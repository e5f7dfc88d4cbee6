// Bundled by the benchmark into one script and run in a real Chromium page: real IndexedDB, the real data/storage/db.ts.
import { closeDatabase, DB_NAME, findCompanyIdForHost, resetSeedState, seedDataset } from '../../data/storage/db';
import { makeDataset } from '../../data/storage/dataset';
import type { CompanyProfile } from '../../data/profiles/schema';
import { lookupHosts, syntheticProfiles } from './synthetic';

async function fresh() {
  await closeDatabase();
  resetSeedState();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Seeds an empty database with the profiles, then times `lookups` hostname lookups one after another. */
async function seedAndLookUp(profiles: CompanyProfile[], lookups: number) {
  await fresh();
  const dataset = makeDataset(profiles);
  const t0 = performance.now();
  await seedDataset(dataset);
  const seedMs = performance.now() - t0;
  const hosts = lookupHosts(profiles, lookups);
  const t1 = performance.now();
  let found = 0;
  for (const host of hosts) if (await findCompanyIdForHost(host)) found++;
  const lookupMs = (performance.now() - t1) / lookups;
  return { seedMs, lookupMs, found };
}

(window as unknown as { piBench: unknown }).piBench = {
  bundled: (profiles: CompanyProfile[], lookups: number) => seedAndLookUp(profiles, lookups),
  synthetic: (companies: number, domainsEach: number, lookups: number) =>
    seedAndLookUp(syntheticProfiles(companies, domainsEach), lookups),
};
