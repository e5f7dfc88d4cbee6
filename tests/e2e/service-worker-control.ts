/**
 * Stops the extension's service worker for real, as Chromium does after 30 s idle, and watches it start again.
 * Tests cannot wait for the idle timeout: a worker with DevTools attached (Playwright is) is never stopped for
 * being idle. DevTools' ServiceWorker domain stops it on request and reports every running-status change of each
 * version. Playwright's Worker object does not help here: it survives the stop (no 'close' event) and simply
 * talks to the next instance, and evaluating anything in it starts a stopped worker again.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Harness } from './harness';
import { waitUntil } from './wait-until';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface StatusChange {
  status: RunningStatus;
  /** Date.now() when the test heard of it */
  at: number;
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: RunningStatus;
}

export interface ServiceWorkerControl {
  /** Stops the extension's worker and returns once DevTools reports it stopped; throws if it does not stop. */
  stop(): Promise<void>;
  /** Every status change of the extension's worker the test heard of, oldest first. */
  readonly changes: readonly StatusChange[];
  /** Changes heard after `since` (a Date.now() value). */
  changesSince(since: number): StatusChange[];
  status(): RunningStatus | undefined;
  detach(): Promise<void>;
}

/** `page` only carries the DevTools session: the ServiceWorker domain sees every worker of the browser profile. */
export async function controlServiceWorker(h: Pick<Harness, 'context' | 'extensionId'>, page: Page): Promise<ServiceWorkerControl> {
  const scriptPrefix = `chrome-extension://${h.extensionId}/`;
  const session: CDPSession = await h.context.newCDPSession(page);
  const versions = new Map<string, RunningStatus>();
  const changes: StatusChange[] = [];
  session.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }: { versions: WorkerVersion[] }) => {
    for (const version of updated) {
      if (!version.scriptURL.startsWith(scriptPrefix)) continue;
      const before = versions.get(version.versionId);
      versions.set(version.versionId, version.runningStatus);
      if (before !== version.runningStatus) changes.push({ status: version.runningStatus, at: Date.now() });
    }
  });
  await session.send('ServiceWorker.enable');
  await waitUntil(async () => versions.size > 0, 10_000, () => "DevTools never reported the extension's service worker");

  const status = () => (versions.size ? [...versions.values()].at(-1) : undefined);
  return {
    changes,
    changesSince: (since) => changes.filter((c) => c.at > since),
    status,
    // Chromium starts a stopped worker again at once when events are waiting for it (a fresh install's
    // runtime.onInstalled, a tab event from the moment before): that start is the browser's, not a failure to
    // stop. So stop() waits for the stop DevTools reports after its request, not for a status read later, and
    // asks again while such a start follows it; it returns once the worker is stopped with nothing waiting.
    async stop() {
      for (let attempt = 0; attempt < 5 && status() !== 'stopped'; attempt++) {
        const since = Date.now();
        for (const versionId of versions.keys()) await session.send('ServiceWorker.stopWorker', { versionId });
        await waitUntil(
          async () => changes.some((c) => c.at >= since && c.status === 'stopped'),
          10_000,
          () => `the service worker did not stop: heard ${JSON.stringify(changes.filter((c) => c.at >= since).map((c) => c.status))}`,
        );
      }
      if (status() !== 'stopped') throw new Error(`the service worker kept starting again after 5 stops: heard ${JSON.stringify(changes.slice(-12).map((c) => c.status))}`);
    },
    async detach() {
      await session.send('ServiceWorker.disable').catch(() => undefined);
      await session.detach().catch(() => undefined);
    },
  };
}
