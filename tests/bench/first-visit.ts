/**
 * The first covered page after a browser start: a new browser for every visit, started from a copy of a profile
 * where the extension was installed and used before (its database seeded), and the covered page opened first
 * thing. What the page pays in script (Chromium's ScriptDuration for the tab, its own inline script included,
 * the same for every scenario), read once the card or the floor's mark is there and the page has settled. Taken
 * in turns with the one-line after-load floor (and any build to compare), each run's cost against the floor's
 * in the same turn. Nothing is warm: not the browser, the renderer, the worker, nor the script's compilation.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBench } from './browser';
import { medianWithInterval, summarize, type Summary } from './stats';

export interface FirstVisitScenario {
  name: string;
  extensionDir: string;
  /** how to know the extension's work is on the page */
  shown: (page: Page) => Promise<unknown>;
}

export interface FirstVisitResult {
  runs: number;
  scenarios: Record<string, { scriptMs: Summary; taskMs: Summary }>;
  /** each scenario but the floor, run by run against the floor's visit in the same turn */
  costs: { scenario: string; floor: string; scriptMs: ReturnType<typeof medianWithInterval> }[];
}

const SETTLE_MS = 700;

/** A profile where the extension was installed, started, and shown its work on the page once. */
async function installedProfile(s: FirstVisitScenario, url: string): Promise<string> {
  const b = await launchBench([s.extensionDir]);
  const page = await b.context.newPage();
  await page.goto(url);
  await s.shown(page);
  const dir = mkdtempSync(join(tmpdir(), 'pi-bench-installed-'));
  await b.context.close(); // the profile is written out when the browser closes
  cpSync(b.profileDir, dir, { recursive: true });
  await b.close();
  return dir;
}

async function firstVisit(s: FirstVisitScenario, installed: string, url: string) {
  const profile = mkdtempSync(join(tmpdir(), 'pi-bench-start-'));
  cpSync(installed, profile, { recursive: true });
  const b = await launchBench([s.extensionDir], {}, profile);
  try {
    const page = await b.context.newPage();
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(url, { waitUntil: 'load' });
    await s.shown(page);
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
    return { scriptMs: metric('ScriptDuration'), taskMs: metric('TaskDuration') };
  } finally {
    await b.close();
  }
}

/** `scenarios[0]` is the floor the others are measured against. */
export async function benchFirstVisit(scenarios: readonly FirstVisitScenario[], url: string, runs: number): Promise<FirstVisitResult> {
  const installed = await Promise.all(scenarios.map((s) => installedProfile(s, url)));
  const visits = scenarios.map(() => [] as { scriptMs: number; taskMs: number }[]);
  try {
    for (let run = 0; run < runs; run++) {
      for (const [i, s] of scenarios.entries()) visits[i]!.push(await firstVisit(s, installed[i]!, url));
    }
  } finally {
    await Promise.all(installed.map((dir) => rm(dir, { recursive: true, force: true })));
  }
  const floor = visits[0]!;
  return {
    runs,
    scenarios: Object.fromEntries(
      scenarios.map((s, i) => [s.name, { scriptMs: summarize(visits[i]!.map((v) => v.scriptMs)), taskMs: summarize(visits[i]!.map((v) => v.taskMs)) }]),
    ),
    costs: scenarios.slice(1).map((s, i) => ({
      scenario: s.name,
      floor: scenarios[0]!.name,
      scriptMs: medianWithInterval(visits[i + 1]!.map((v, run) => v.scriptMs - floor[run]!.scriptMs)),
    })),
  };
}
