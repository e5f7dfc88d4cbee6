import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase, resetSeedState } from '@/data/storage/db';
import { resetLookupState, setDatabaseTimeout } from './helpers/lookup';
import { installI18n } from './i18n-fake';
import { packaged } from './helpers/packaged';

// The worker reads the packaged profiles from its own package (dataset.json); here that file is the same dataset
// made from the same files. Any other request is a test's mistake and fails as it would.
const packagedFile = JSON.stringify(packaged);
globalThis.fetch = (input: RequestInfo | URL) =>
  String(input instanceof Request ? input.url : input).endsWith('/dataset.json')
    ? Promise.resolve(new Response(packagedFile, { headers: { 'content-type': 'application/json' } }))
    : Promise.reject(new TypeError(`unit tests make no requests: ${String(input)}`));

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});

afterEach(async () => {
  cleanup();
  await closeDatabase();
  resetSeedState();
  resetLookupState();
  setDatabaseTimeout(3000);
  // A fresh, empty IndexedDB for the next test.
  globalThis.indexedDB = new IDBFactory();
});
