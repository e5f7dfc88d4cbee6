import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase, resetSeedState } from '@/data/storage/db';
import { resetLookupState, setDatabaseTimeout } from './helpers/lookup';
import { installI18n } from './i18n-fake';

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
