// The worker's start, from the start of its script to its listeners in place (the mark it sets), with the real
// dataset and with synthetic ones of 200 and 2,000 profiles, each built like the real one. It must stay flat: the
// profiles are a data file read only to seed, not code evaluated at every wake. Measured in turns (real, 200,
// 2,000, real, ...), so the machine's drift shifts all three alike.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { controlServiceWorker, type ServiceWorkerControl } from '../e2e/service-worker-control';
import { waitUntil } from '../e2e/wait-until';
import { WORKER_READY_MARK } from '../../data/storage/dataset';
import { launchBench, type BenchBrowser } from './browser';
import { packageSizes } from './sizes';
import { summarize, type Summary } from './stats';
import { SYNTHETIC_TOOLS, syntheticProfiles } from './synthetic';

const ROOT = resolve(import.meta.dirname, '../..');

/** Builds the extension with `count` synthetic profiles; returns the unpacked Chromium build. */
function buildSynthetic(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), `pi-bench-${count}-`));
  for (const sub of ['companies', 'tools', 'out']) mkdirSync(join(dir, sub));
  for (const p of syntheticProfiles(count, 3)) writeFileSync(join(dir, 'companies', `${p.id}.json`), JSON.stringify(p));
  for (const t of SYNTHETIC_TOOLS) writeFileSync(join(dir, 'tools', `${t.name.toLowerCase()}.json`), JSON.stringify(t));
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, PYTHON_INSIDE_COMPANIES_DIR: join(dir, 'companies'), PYTHON_INSIDE_TOOLS_DIR: join(dir, 'tools'), PYTHON_INSIDE_OUT_DIR: join(dir, 'out') },
  });
  return join(dir, 'out', 'chrome-mv3');
}

/**
 * Stops the worker for real (DevTools' ServiceWorker domain: with DevTools attached it is never stopped for being
 * idle), wakes it with a navigation, and reads how long that start took from the mark it sets. Playwright's Worker
 * object talks to whichever instance runs, and evaluating in it would start a stopped one, so it is asked only
 * once the navigation has started the worker again.
 */
async function timedStart(v: { b: BenchBrowser; page: Page; control: ServiceWorkerControl }, run: number): Promise<number> {
  await v.control.stop();
  const since = Date.now();
  await v.page.goto(`https://www.example.org/wake-${run}`);
  await waitUntil(async () => v.control.changesSince(since).some((c) => c.status === 'running'), 10_000, () => 'the worker did not start again');
  for (let i = 0; i < 100; i++) {
    const at = await v.b.worker!.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime, WORKER_READY_MARK);
    if (at !== undefined) return at;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('The worker never marked itself ready');
}

export interface WorkerStart {
  name: string;
  profiles: number;
  backgroundGzipKb: number;
  startMs: Summary;
}

export async function benchWorkerStart(realDir: string, realProfiles: number, runs: number): Promise<WorkerStart[]> {
  const variants = [
    { name: 'real dataset', profiles: realProfiles, dir: realDir },
    { name: 'synthetic', profiles: 200, dir: buildSynthetic(200) },
    { name: 'synthetic', profiles: 2000, dir: buildSynthetic(2000) },
  ];
  const open = await Promise.all(
    variants.map(async (v) => {
      const b = await launchBench([v.dir]);
      const page = await b.context.newPage();
      const control = await controlServiceWorker({ context: b.context, extensionId: b.extensionId! }, page);
      const opened = { ...v, b, page, control, times: [] as number[] };
      // The first start seeded IndexedDB; the starts timed after it find it current, as every later wake does.
      await timedStart(opened, -1);
      return opened;
    }),
  );
  try {
    for (let run = 0; run < runs; run++) {
      for (const v of open) v.times.push(await timedStart(v, run));
    }
  } finally {
    await Promise.all(open.map(async (v) => (await v.control.detach(), await v.b.close())));
  }
  return open.map((v) => ({
    name: v.name,
    profiles: v.profiles,
    backgroundGzipKb: packageSizes(v.dir).entries['background.js']!.gzip / 1024,
    startMs: summarize(v.times),
  }));
}
