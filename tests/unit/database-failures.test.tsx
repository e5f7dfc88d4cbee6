// IndexedDB failing in each way the issue names; the extension keeps answering from the bundled dataset, says
// why, and the next start repairs the database.
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDataset } from '@/data/storage/dataset-client';
import { makeDataset } from '@/data/storage/dataset';
import { packaged } from './helpers/packaged';
import { closeDatabase, DB_NAME, resetSeedState, seedDataset, storedDatasetVersion } from '@/data/storage/db';
import { companyForHost, databaseProblem, prepareDatabase } from '@/entrypoints/background/lookup';
import { resetLookupState, setDatabaseTimeout } from './helpers/lookup';
import { cardDue } from '@/entrypoints/background/card/policy';
import { handleMessage } from '@/entrypoints/background/router';
import { acme } from '../fixtures/profiles';

const self = { url: 'https://www.youtube.com/', id: fakeBrowser.runtime.id };
const ask = (message: unknown) => handleMessage(message, self);

/** Pages' messages reach the background's router, as in the browser. */
function answerAsBackground() {
  fakeBrowser.runtime.onMessage.addListener((message: unknown, sender: { url?: string }) => handleMessage(message, { ...sender, id: fakeBrowser.runtime.id }));
}

/** A new worker: module state gone, the database as it was left. */
async function restartWorker() {
  await closeDatabase();
  resetSeedState();
  resetLookupState();
}

afterEach(() => vi.restoreAllMocks());

describe('IndexedDB unavailable', () => {
  it('answers from the bundled dataset, and says why', async () => {
    globalThis.indexedDB = { open: () => { throw new Error('IndexedDB is disabled in this profile'); } } as unknown as IDBFactory;
    expect(await cardDue('www.youtube.com')).toMatchObject({ show: true, company: { id: 'youtube' } });
    expect((await companyForHost('old.reddit.com'))?.id).toBe('reddit');
    expect(databaseProblem()).toMatch(/IndexedDB is disabled/);
    const companies = (await ask({ type: 'dataset:companies' })) as { companies: unknown[]; problem: string };
    expect(companies.companies).toHaveLength(packaged.companies.length);
    expect(companies.problem).toMatch(/IndexedDB is disabled/);
  });

  it('pages fall back to the background copy and pass the reason on to the options page', async () => {
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new Error('IndexedDB is disabled in this profile');
    });
    answerAsBackground();
    const dataset = await loadDataset();
    expect(dataset.companies).toHaveLength(packaged.companies.length);
    expect(dataset.problem).toMatch(/IndexedDB is disabled/);
  });
});

describe('IndexedDB blocked by another open version', () => {
  it('stops waiting, answers from memory, and repairs on the next start once unblocked', async () => {
    setDatabaseTimeout(100);
    // Another context holds version 1 open and will not let go.
    const old = await openDB(DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('meta') });
    old.addEventListener('versionchange', (e) => e.preventDefault());
    expect((await companyForHost('www.netflix.com'))?.id).toBe('netflix');
    expect(databaseProblem()).toMatch(/did not answer within 100 ms/);

    old.close();
    await restartWorker();
    await prepareDatabase();
    expect(databaseProblem()).toBeNull();
    expect(await storedDatasetVersion()).toBe(packaged.version);
  });
});

describe('IndexedDB failing mid-seed', () => {
  it('keeps the previous dataset whole, answers from memory, and the next start re-seeds', async () => {
    await seedDataset(makeDataset([acme]));
    const v1 = await storedDatasetVersion();
    await restartWorker();
    // The third write of the seed fails: the transaction aborts and nothing of it lands.
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 3) throw new DOMException('The disk is full', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    expect((await companyForHost('www.spotify.com'))?.id).toBe('spotify');
    expect(databaseProblem()).toMatch(/disk is full/);
    vi.restoreAllMocks();
    expect(await storedDatasetVersion()).toBe(v1);

    await restartWorker();
    await prepareDatabase();
    expect(databaseProblem()).toBeNull();
    expect(await storedDatasetVersion()).toBe(packaged.version);
    expect((await companyForHost('www.spotify.com'))?.id).toBe('spotify');
  });
});

describe('a database that cannot be opened at all', () => {
  it('is deleted and rebuilt on start', async () => {
    // A database left at a higher version (a newer build, then a downgrade): opening at ours fails with VersionError.
    (await openDB(DB_NAME, 99)).close();
    await prepareDatabase();
    expect(databaseProblem()).toBeNull();
    expect(await storedDatasetVersion()).toBe(packaged.version);
  });
});

describe('the options page', () => {
  it('tells the user when the built-in copy is in use, and still lists every company', async () => {
    const { render, screen, within } = await import('@testing-library/preact');
    const { OptionsApp } = await import('@/components/options/OptionsApp');
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new Error('IndexedDB is disabled in this profile');
    });
    answerAsBackground();
    render(<OptionsApp />);
    const notice = await screen.findByText(/could not be used \(IndexedDB is disabled in this profile\)/);
    expect(notice.textContent).toContain('repaired the next time the browser starts');
    const sites = await screen.findByRole('region', { name: 'Sites' });
    expect(within(sites).getAllByRole('checkbox')).toHaveLength(packaged.companies.length);
  });
});
