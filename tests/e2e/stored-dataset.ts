/** The dataset version the background has stored in IndexedDB, read through its worker without creating anything. */
import type { Worker } from 'playwright-core';

export function storedDatasetVersion(worker: Worker): Promise<string | undefined> {
  return worker.evaluate(async () => {
    // Opening a database that does not exist would create it: look first.
    if (!(await indexedDB.databases()).some((d) => d.name === 'python-inside')) return undefined;
    return new Promise<string | undefined>((resolve) => {
      const open = indexedDB.open('python-inside');
      open.onerror = () => resolve(undefined);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('meta')) return resolve((db.close(), undefined));
        const get = db.transaction('meta').objectStore('meta').get('datasetVersion');
        get.onsuccess = () => resolve((db.close(), get.result as string | undefined));
        get.onerror = () => resolve((db.close(), undefined));
      };
    });
  });
}
