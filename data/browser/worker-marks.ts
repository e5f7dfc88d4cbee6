/**
 * Performance marks the service worker sets, read by the benchmark: the first line of its script to run, and its
 * listeners in place. Between them is the worker's own start; before the first is the browser's set-up of the
 * worker, which the extension's code does not run in.
 */
export const WORKER_SCRIPT_MARK = 'python-inside:worker-script';
export const WORKER_READY_MARK = 'python-inside:worker-ready';
