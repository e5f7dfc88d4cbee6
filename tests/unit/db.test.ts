import { describe, expect, it } from 'vitest';
import { makeDataset } from '@/data/dataset';
import {
  ensureSeeded,
  findCompanyForHost,
  findCompanyIdForHost,
  getAllCompanies,
  getCompany,
  openDatabase,
  seedDataset,
  storedDatasetVersion,
} from '@/data/db';
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
    const [version, companies] = await Promise.all([tx.objectStore('meta').get('datasetVersion'), tx.objectStore('companies').getAll()]);
    await seeding;
    const snapshot = { version, ids: companies.map((c) => c.id).sort() };
    expect([
      { version: v1.version, ids: ['acme', 'globex'] },
      { version: v2.version, ids: ['acme'] },
    ]).toContainEqual(snapshot);
  });

  it('a failed seed leaves the previous dataset intact', async () => {
    await seedDataset(v1);
    const bad = makeDataset([acme, { ...globex, id: undefined as unknown as string }]); // no key: put() fails
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
