/** How extension pages (popup, options) reach the dataset: straight from IndexedDB, once the background seeded it. */
import { storedDatasetVersion } from './db';
import { sendToBackground } from './messages';

/**
 * The stored dataset version, asking the background to seed first if nothing is stored yet (a popup opened in
 * the first instant after install). Pages do not bundle the dataset themselves.
 */
export async function readyDatasetVersion(): Promise<string> {
  return (await storedDatasetVersion()) ?? (await sendToBackground({ type: 'dataset:ensure' })).version;
}
