import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase, resetSeedState } from '@/data/db';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(async () => {
  cleanup();
  await closeDatabase();
  resetSeedState();
  // A fresh, empty IndexedDB for the next test.
  globalThis.indexedDB = new IDBFactory();
});
