// Imported first by the background entry, so this runs before any other module of the bundle is evaluated: the
// start of the worker's own work, for the benchmark (see data/browser/worker-marks.ts).
import { WORKER_SCRIPT_MARK } from '@/data/browser/worker-marks';

performance.mark(WORKER_SCRIPT_MARK);
