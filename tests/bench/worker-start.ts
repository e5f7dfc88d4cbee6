// The worker's start, from the first line of its script to its listeners in place (the two marks it sets), with the
// real dataset and with synthetic ones of 200 and 2,000 profiles, each built like the real one. It must stay flat:
// the profiles are a data file read only to seed, not code evaluated at every wake. Measured in turns (real, 200,
// 2,000, real, ...), so the machine's drift shifts all three alike.
//
// The browser's own set-up of the worker, before its first line runs, is reported apart: it grows with the
// manifest's host permissions (one pattern per covered domain), which Chromium prepares for every worker it starts,
// and that work also competes with the script for this machine's two cores. So a fourth build keeps the 2,000
// profiles but takes the real dataset's host list: if it starts like the real one, what grows is the host list's
// cost in the browser, not the dataset's in the extension (docs/performance.md).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { controlServiceWorker, type ServiceWorkerControl } from '../e2e/service-worker-control';
import { waitUntil } from '../e2e/wait-until';
import { WORKER_READY_MARK, WORKER_SCRIPT_MARK } from '../../data/browser/worker-marks';
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

interface Start {
  /** The worker's time origin to its script's first line: the browser's set-up. */
  setupMs: number;
  /** The script's first line to its listeners in place: the extension's own start. */
  scriptMs: number;
}

const hostPatterns = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions: string[] }).host_permissions;

/** A copy of the build in `dir` whose manifest asks for the host access of the build in `hostsFrom`. */
function withHostsOf(dir: string, hostsFrom: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'pi-bench-hosts-'));
  cpSync(dir, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: hostPatterns(hostsFrom) }));
  return copy;
}

/**
 * Stops the worker for real (DevTools' ServiceWorker domain: with DevTools attached it is never stopped for being
 * idle), wakes it with a navigation, and reads how long that start took from the marks it sets. Playwright's Worker
 * object talks to whichever instance runs, and evaluating in it would start a stopped one, so it is asked only
 * once the navigation has started the worker again.
 */
async function timedStart(v: { b: BenchBrowser; page: Page; control: ServiceWorkerControl }, run: number): Promise<Start> {
  // Taken before the stop: a start the browser makes right after it (for events that were waiting) is a start
  // from stopped all the same, and the marks read below are that instance's.
  const since = Date.now();
  await v.control.stop();
  await v.page.goto(`https://www.example.org/wake-${run}`);
  await waitUntil(async () => v.control.changesSince(since).some((c) => c.status === 'running'), 10_000, () => 'the worker did not start again');
  for (let i = 0; i < 100; i++) {
    const [script, ready] = await v.b.worker!.evaluate(
      (marks) => marks.map((mark) => performance.getEntriesByName(mark)[0]?.startTime),
      [WORKER_SCRIPT_MARK, WORKER_READY_MARK],
    );
    if (script !== undefined && ready !== undefined) return { setupMs: script, scriptMs: ready - script };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('The worker never marked itself ready');
}

export interface WorkerStart {
  name: string;
  profiles: number;
  backgroundGzipKb: number;
  hostPatterns: number;
  startMs: Summary;
  setupMs: Summary;
}

export async function benchWorkerStart(realDir: string, realProfiles: number, runs: number): Promise<WorkerStart[]> {
  const large = buildSynthetic(2000);
  const variants = [
    { name: 'real dataset', profiles: realProfiles, dir: realDir },
    { name: 'synthetic', profiles: 200, dir: buildSynthetic(200) },
    { name: 'synthetic', profiles: 2000, dir: large },
    { name: 'synthetic, real host list', profiles: 2000, dir: withHostsOf(large, realDir) },
  ];
  const open = await Promise.all(
    variants.map(async (v) => {
      const b = await launchBench([v.dir]);
      const page = await b.context.newPage();
      const control = await controlServiceWorker({ context: b.context, extensionId: b.extensionId! }, page);
      const opened = { ...v, b, page, control, starts: [] as Start[] };
      // The first start seeded IndexedDB; the starts timed after it find it current, as every later wake does.
      await timedStart(opened, -1);
      return opened;
    }),
  );
  try {
    for (let run = 0; run < runs; run++) {
      for (const v of open) v.starts.push(await timedStart(v, run));
    }
  } finally {
    await Promise.all(open.map(async (v) => (await v.control.detach(), await v.b.close())));
  }
  return open.map((v) => ({
    name: v.name,
    profiles: v.profiles,
    backgroundGzipKb: packageSizes(v.dir).entries['background.js']!.gzip / 1024,
    hostPatterns: hostPatterns(v.dir).length,
    startMs: summarize(v.starts.map((s) => s.scriptMs)),
    setupMs: summarize(v.starts.map((s) => s.setupMs)),
  }));
}
