/**
 * The profiles as the extension package carries them: a data file, not code. The worker reads it only when
 * IndexedDB must be (re)seeded or has failed, so waking the worker costs the same for 100 profiles or 10,000:
 * its script holds only the dataset's version, which the build writes in (see wxt.config.ts).
 */
import { browser } from 'wxt/browser';
import { DATASET_FILE, type Dataset, type DatasetSource } from './dataset';

declare const __PYTHON_INSIDE_DATASET_VERSION__: string;

/** The version of the packaged dataset, known without reading it. */
export const PACKAGED_DATASET_VERSION: string = __PYTHON_INSIDE_DATASET_VERSION__;

let reading: Promise<Dataset> | undefined;

/**
 * The packaged dataset, read once per worker life. A read of the extension's own file: it never leaves the
 * browser (the privacy tests tell it apart from a request).
 */
export function loadPackagedDataset(): Promise<Dataset> {
  // WXT types getURL for the files it knows; the dataset is written into the package by the build itself.
  const url = (browser.runtime.getURL as (path: string) => string)(`/${DATASET_FILE}`);
  reading ??= fetch(url)
    .then(async (response) => {
      if (!response.ok) throw new Error(`The packaged profiles could not be read (${response.status})`);
      return (await response.json()) as Dataset;
    })
    .catch((error: unknown) => {
      reading = undefined;
      throw error;
    });
  return reading;
}

export const packagedDataset: DatasetSource = { version: PACKAGED_DATASET_VERSION, load: loadPackagedDataset };
