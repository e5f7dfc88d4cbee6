/**
 * The extension's service worker as Playwright sees it: the one running now, or the next one to start (after an
 * install, a reload or an enable). Both browsers in these tests load this one extension only.
 */
import type { BrowserContext, Worker } from 'playwright-core';

const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');

/** The running worker, or the first to start within 30 s. */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers().find(isExtensionWorker) ?? nextWorker(context);
}

/**
 * The next worker to start. Call it before the action that starts one (reload, enable), so its start cannot be
 * missed in between.
 */
export function nextWorker(context: BrowserContext, timeout = 30_000): Promise<Worker> {
  return context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout });
}

export const extensionIdOf = (worker: Worker) => new URL(worker.url()).host;
