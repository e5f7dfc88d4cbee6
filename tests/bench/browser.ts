/** A fresh Chromium for one benchmark scenario, with the given unpacked extensions, every page served locally. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM } from '../e2e/harness';
import { CHROMIUM_FLAGS } from '../tools/chromium-flags.mjs';
import { largePage } from './large-page';

export interface BenchBrowser {
  context: BrowserContext;
  /** the browser's profile, removed on close */
  profileDir: string;
  /** the service worker of the first extension that has one */
  worker: Worker | null;
  extensionId: string | null;
  close(): Promise<void>;
}

/** Extra routes (path → body, type and any response headers) served on https://bench.test/, e.g. a script bundle. */
export type ExtraRoutes = Record<string, { body: string; type: string; headers?: Record<string, string> }>;

/**
 * `profile`: a profile directory to start from (a copy of one where the extensions were installed before), which
 * the browser then owns: it is removed on close like a fresh one.
 */
export async function launchBench(extensionDirs: readonly string[], extra: ExtraRoutes = {}, profileDir?: string): Promise<BenchBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = profileDir ?? (await mkdtemp(join(tmpdir(), 'pi-bench-')));
  const load = extensionDirs.length
    ? [`--disable-extensions-except=${extensionDirs.join(',')}`, `--load-extension=${extensionDirs.join(',')}`]
    : ['--disable-extensions'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the new headless mode, in CHROMIUM_FLAGS, is the one that runs extensions
    args: [...CHROMIUM_FLAGS, ...load],
    viewport: { width: 1280, height: 800 },
  });
  await context.route(/^https?:\/\//, (route) => {
    const url = new URL(route.request().url());
    const extraRoute = url.hostname === 'bench.test' ? extra[url.pathname] : undefined;
    if (extraRoute) return route.fulfill({ status: 200, contentType: extraRoute.type, body: extraRoute.body, headers: extraRoute.headers });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: largePage(url.hostname) });
  });
  let worker: Worker | null = null;
  const hasWorker = extensionDirs.some((dir) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).background);
  if (hasWorker) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }).catch(() => null));
  }
  return {
    context,
    profileDir: profile,
    worker,
    extensionId: worker ? new URL(worker.url()).host : null,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
