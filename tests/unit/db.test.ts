import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '@/data/storage/dataset';
import { layoutFor, shardDataset } from '@/data/storage/db-shards';
import {
  closeDatabase,
  DB_NAME,
  ensureSeeded,
  findCompanyForHost,
  findCompanyIdForHost,
  getAllCompanies,
  getCompany,
  openDatabase,
  seedDataset,
  storedDatasetVersion,
} from '@/data/storage/db';
import { syntheticProfiles } from '../bench/synthetic';
import { acme, globex } from '../fixtures/profiles';

const v1 = makeDataset([acme, globex]);
const v2 = makeDataset([{ ...acme, summary: 'Acme moved to FastAPI.', domains: ['acme.test'] }]);

describe('IndexedDB seeding', () => {
  it('stores every company, every domain and the version on first seed', async () => {
    expect(await storedDatasetVersion()).toBeUndefined();
    expect(await seedDataset(v1)).toBe(true);
    expect(await storedDatasetVersion()).toBe(v1.version);
    expect((await getAllCompanies()).map((c) => c.name)).toEqual(['Acme', 'Globex']);
    expect(await findCompanyIdForHost('shop.acme-cdn.test')).toBe('acme');
    expect(await findCompanyIdForHost('gbx.test')).toBe('globex');
  });

  it("finds no company for a host under a user-content domain, while the company's own host still matches", async () => {
    await seedDataset(makeDataset([{ ...acme, domains: ['acme.test', 'sites.test'], userContent: ['sites.test', 'u.acme.test'] }, globex]));
    expect(await findCompanyIdForHost('tenant.sites.test')).toBeNull();
    expect(await findCompanyIdForHost('a.b.u.acme.test')).toBeNull();
    expect(await findCompanyIdForHost('sites.test')).toBe('acme');
    expect(await findCompanyIdForHost('u.acme.test')).toBe('acme');
    expect(await findCompanyIdForHost('www.acme.test')).toBe('acme');
  });

  it('does nothing when the stored version is current', async () => {
    await seedDataset(v1);
    expect(await seedDataset(v1)).toBe(false);
  });

  it('replaces the whole dataset when the version changes: removed companies and domains are gone', async () => {
    await seedDataset(v1);
    expect(await seedDataset(v2)).toBe(true);
    expect(await storedDatasetVersion()).toBe(v2.version);
    expect((await getCompany('acme'))?.summary).toBe('Acme moved to FastAPI.');
    expect(await getCompany('globex')).toBeUndefined();
    expect(await findCompanyIdForHost('acme-cdn.test')).toBeNull();
    expect(await findCompanyIdForHost('gbx.test')).toBeNull();
  });

  it('a reader during re-seeding sees the old dataset or the new one, never a mix', async () => {
    await seedDataset(v1);
    const db = await openDatabase();
    const seeding = seedDataset(v2);
    // Queued right behind the write transaction: IndexedDB runs it after the write commits, all at once.
    const tx = db.transaction(['companies', 'meta']);
    const [version, shards] = await Promise.all([tx.objectStore('meta').get('datasetVersion'), tx.objectStore('companies').getAll()]);
    await seeding;
    const snapshot = { version, ids: shards.flatMap((shard) => Object.keys(shard)).sort() };
    expect([
      { version: v1.version, ids: ['acme', 'globex'] },
      { version: v2.version, ids: ['acme'] },
    ]).toContainEqual(snapshot);
  });

  it('a failed seed leaves the previous dataset intact', async () => {
    await seedDataset(v1);
    // A function cannot be stored: put() throws part-way through the seed.
    const bad = makeDataset([acme, { ...globex, summary: (() => 'x') as unknown as string }]);
    await expect(seedDataset(bad)).rejects.toThrow();
    expect(await storedDatasetVersion()).toBe(v1.version);
    expect((await getAllCompanies()).map((c) => c.id)).toEqual(['acme', 'globex']);
  });

  it('ensureSeeded seeds once and lookups wait for it', async () => {
    await Promise.all([ensureSeeded(v1), ensureSeeded(v1)]);
    expect((await findCompanyForHost('www.acme.test'))?.name).toBe('Acme');
    expect(await findCompanyForHost('example.org')).toBeNull();
    expect(await findCompanyForHost('127.0.0.1')).toBeNull();
  });
});

describe('sharded layout', () => {
  const big = makeDataset(syntheticProfiles(300, 10));

  it('spreads companies and domains over shards sized for the dataset, losing none', () => {
    const layout = layoutFor(big);
    expect(layout).toEqual({ companyShards: 10, domainShards: 12 });
    const shards = shardDataset(big, layout);
    expect(shards.companies.reduce((n, s) => n + Object.keys(s).length, 0)).toBe(300);
    expect(shards.domains.reduce((n, s) => n + Object.keys(s).length, 0)).toBe(3000);
    expect(Math.max(...shards.domains.map((s) => Object.keys(s).length))).toBeLessThan(2 * 256);
    expect(layoutFor(makeDataset([]))).toEqual({ companyShards: 1, domainShards: 1 });
  });

  it('finds every domain and company of a large dataset, and nothing else', async () => {
    await seedDataset(big);
    for (const i of [0, 17, 299]) {
      expect(await findCompanyIdForHost(`www.company-${i}-9.example`)).toBe(`company-${i}`);
      expect((await getCompany(`company-${i}`))?.name).toBe(`Company ${i}`);
    }
    expect(await getAllCompanies()).toHaveLength(300);
    expect(await findCompanyIdForHost('company-300.test')).toBeNull();
    // Shards are plain objects: inherited names are not domains or ids.
    expect(await findCompanyIdForHost('constructor')).toBeNull();
    expect(await findCompanyIdForHost('__proto__')).toBeNull();
    expect(await getCompany('toString')).toBeUndefined();
  });

  it('repairs an empty database that something else created at version 1', async () => {
    await closeDatabase();
    (await openDB(DB_NAME, 1)).close();
    expect(await seedDataset(v1)).toBe(true);
    expect(await findCompanyIdForHost('acme.test')).toBe('acme');
  });

  it('upgrades a version 1 database (one record per company and domain) by re-seeding it', async () => {
    await closeDatabase();
    const old = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('companies', { keyPath: 'id' });
        db.createObjectStore('domains', { keyPath: 'domain' });
        db.createObjectStore('meta');
      },
    });
    await old.put('companies', acme);
    await old.put('domains', { domain: 'acme.test', companyId: 'acme' });
    await old.put('meta', v1.version, 'datasetVersion');
    old.close();

    expect(await storedDatasetVersion()).toBeUndefined();
    expect(await getAllCompanies()).toEqual([]);
    expect(await seedDataset(v1)).toBe(true);
    expect(await findCompanyIdForHost('acme.test')).toBe('acme');
  });
});

describe('dataset updates', () => {
  it("replace the data across versions and leave the user's settings alone", async () => {
    const { getSettings, updateSettings } = await import('@/data/settings/store');
    await updateSettings((s) => ({ ...s, disabledSites: ['acme'], position: 'top-left' }));
    const before = await getSettings();
    await seedDataset(v1);
    await seedDataset(v2);
    await seedDataset(makeDataset([globex]));
    expect((await getAllCompanies()).map((c) => c.id)).toEqual(['globex']);
    expect(await getSettings()).toEqual(before);
  });
});
