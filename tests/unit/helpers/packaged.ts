// The dataset the build writes into the package (dataset.json), made the same way from the same files; the unit
// setup answers the worker's read of that file with it.
import { packagedDatasetFromDisk } from '@/data/build/packaged-dataset';

export const packaged = packagedDatasetFromDisk();
