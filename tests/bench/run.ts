// `npm run bench`: page cost, time to card, popup, IndexedDB, matcher and sizes, in headless Chromium with the
// built extension. Prints a table and writes bench/results.json and bench/results.md. Timings are reported,
// never asserted: they depend on the machine. BENCH_RUNS sets the runs per figure, BENCH_COMPARE=<unpacked
// extension dir> adds another extension to the page-cost table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadValidProfiles } from '../../data/build/profile-files';
import { EXTENSION_DIR } from '../e2e/harness';
import { launchBench, type BenchBrowser } from './browser';
import { FLOOR_MARK, measureCard, measurePopup } from './card-timing';
import { measurePopupSearch } from './popup-search';
import { benchDatabase } from './db-in-browser';
import { fixtureExtensions } from './fixture-extensions';
import { benchDetector } from './detector';
import { benchMatcher } from './matcher';
import { benchWorkerStart } from './worker-start';
import { measurePageView, type PageView } from './page-cost';
import { renderReport } from './report';
import { packageSizes } from './sizes';
import { repeat, summarize, type Summary } from './stats';
import { traceAfterLoad, type AfterLoad } from './trace';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const WARMUP = 2;
const COVERED = 'https://www.youtube.com/feed';
const UNCOVERED = 'https://www.example.org/feed';
const OUT_DIR = resolve(import.meta.dirname, '../../bench');

const profiles = loadValidProfiles();
const log = (msg: string) => console.error(`bench: ${msg}`);

async function settingsForBench(b: BenchBrowser) {
  // The card on every load and never hiding by itself, so each run shows it.
  await b.worker!.evaluate(async () => {
    await chrome.storage.sync.set({ settings: { disabledSites: [], showMode: 'every-load', position: 'bottom-right', autoHideSeconds: 0 } });
  });
  await new Promise((r) => setTimeout(r, 1000));
}

type Timed = Exclude<keyof PageView, 'card' | 'isolatedWorlds'>;
export type PageSummary = Record<Timed, Summary> & { cardShown: number; injectedViews: number; views: number };

function summarizeViews(views: PageView[]): PageSummary {
  const pick = (k: Timed) => summarize(views.map((v) => v[k]));
  return {
    taskMs: pick('taskMs'),
    scriptMs: pick('scriptMs'),
    heapMb: pick('heapMb'),
    domContentLoadedMs: pick('domContentLoadedMs'),
    loadMs: pick('loadMs'),
    cardShown: views.filter((v) => v.card).length,
    injectedViews: views.filter((v) => v.isolatedWorlds > 0).length,
    views: views.length,
  };
}

/**
 * Page views for every scenario, taken in turns (run 1 of each, then run 2 of each, ...) so that the machine
 * getting slower or faster during the benchmark shifts all scenarios alike instead of skewing one.
 */
async function pageViewsInTurns(scenarios: { name: string; browser: BenchBrowser; url: string }[]) {
  const views = new Map(scenarios.map((s) => [s.name, [] as PageView[]]));
  for (let run = -WARMUP; run < RUNS; run++) {
    for (const s of scenarios) {
      const view = await measurePageView(s.browser.context, s.url);
      if (run >= 0) views.get(s.name)!.push(view);
    }
  }
  return Object.fromEntries(scenarios.map((s) => [s.name, summarizeViews(views.get(s.name)!)]));
}

const fixtures = fixtureExtensions();
const browsers = {
  none: await launchBench([]),
  floor: await launchBench([fixtures.floor]),
  floorAfterLoad: await launchBench([fixtures.floorAfterLoad]),
  ours: await launchBench([EXTENSION_DIR]),
  compare: process.env.BENCH_COMPARE ? await launchBench([resolve(process.env.BENCH_COMPARE)]) : null,
};
await settingsForBench(browsers.ours);

log(`page cost: ${RUNS} runs after ${WARMUP} warm-up, scenarios in turns`);
const pageCost: Record<string, PageSummary> = await pageViewsInTurns([
  { name: 'no extension', browser: browsers.none, url: COVERED },
  { name: 'floor: one-line content script', browser: browsers.floor, url: COVERED },
  { name: 'floor: one line injected after load', browser: browsers.floorAfterLoad, url: COVERED },
  { name: 'Python Inside: uncovered site', browser: browsers.ours, url: UNCOVERED },
  { name: 'Python Inside: covered site, card shown', browser: browsers.ours, url: COVERED },
  ...(browsers.compare ? [{ name: `compare: ${process.env.BENCH_COMPARE!.split('/').pop()}`, browser: browsers.compare, url: COVERED }] : []),
]);
log('main-thread work after the load event, from Chromium traces');
const afterLoad = (runs: AfterLoad[]) => ({
  totalMs: summarize(runs.map((r) => r.totalMs)),
  byKind: Object.fromEntries(Object.keys(runs[0]!.byKind).map((k) => [k, summarize(runs.map((r) => r.byKind[k]!)).median])),
});
const traces: Record<string, ReturnType<typeof afterLoad>> = {};
for (const [name, b, url] of [
  ['no extension', browsers.none, COVERED],
  ['floor: one line injected after load', browsers.floorAfterLoad, COVERED],
  ['Python Inside: covered site, card shown', browsers.ours, COVERED],
] as const) {
  traces[name] = afterLoad(await repeat(RUNS, 1, () => traceAfterLoad(b.context, url)));
}

log('time to a one-line script injected after load (the earliest an after-load design can show anything)');
const floorRuns = await repeat(RUNS, WARMUP, () => measureCard(browsers.floorAfterLoad.context, COVERED, undefined, FLOOR_MARK));
const floorAfterLoadMs = summarize(floorRuns.map((r) => r.fromLoadMs));
for (const b of [browsers.none, browsers.floor, browsers.floorAfterLoad, browsers.compare]) await b?.close();

const ours = await (async (b: BenchBrowser) => {
  log('time to card, service worker warm');
  const warm = await repeat(RUNS, WARMUP, () => measureCard(b.context, COVERED));
  log('popup');
  const tab = await b.context.newPage();
  await tab.goto(COVERED);
  const worker = b.context.serviceWorkers()[0] ?? (await b.context.waitForEvent('serviceworker'));
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({})).find((t) => t.url?.includes('youtube'))?.id);
  const popupUrl = `chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`;
  const popup = await repeat(RUNS, WARMUP, () => measurePopup(b.context, popupUrl));
  await tab.close();
  log('popup search, typed a key at a time');
  const searchUrl = `chrome-extension://${b.extensionId}/popup.html?tab=-1`;
  const keystrokes = (await repeat(RUNS, WARMUP, () => measurePopupSearch(b.context, searchUrl))).flat();

  log('time to card, service worker stopped before each visit (cold)');
  const cold = await repeat(RUNS, 1, () =>
    measureCard(b.context, COVERED, async (page) => {
      const cdp = await b.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(300);
    }),
  );
  const card = (runs: typeof warm) => ({
    fromNavigationMs: summarize(runs.map((r) => r.fromNavigationMs)),
    fromDomContentLoadedMs: summarize(runs.map((r) => r.fromDomContentLoadedMs)),
    fromLoadMs: summarize(runs.map((r) => r.fromLoadMs)),
  });
  return { cardWarm: card(warm), cardCold: card(cold), popupMs: summarize(popup), keystrokeMs: summarize(keystrokes) };
})(browsers.ours).finally(() => browsers.ours.close());

log('worker start: real dataset, 200 and 2,000 synthetic profiles, in turns');
// Each start is short and the spread wide on a loaded machine: more runs than the page figures.
const workerStart = await benchWorkerStart(EXTENSION_DIR, profiles.length, Math.max(RUNS, 15));
log('IndexedDB seeding and lookups');
const database = await benchDatabase(profiles, RUNS);
log('detector');
const detector = await benchDetector(RUNS);
log('matcher');
const matcher = benchMatcher(profiles, 5);
const sizes = packageSizes(EXTENSION_DIR);

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  runs: RUNS,
  warmup: WARMUP,
  page: { url: { covered: COVERED, uncovered: UNCOVERED }, scenarios: pageCost, afterLoad: traces },
  card: { warm: ours.cardWarm, cold: ours.cardCold, floorAfterLoadMs },
  popup: { toCardMs: ours.popupMs, searchKeystrokeMs: ours.keystrokeMs, profiles: profiles.length },
  workerStart,
  database,
  detector,
  matcher,
  sizes,
};
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const report = renderReport(results);
export type BenchResults = typeof results;
writeFileSync(join(OUT_DIR, 'results.md'), report);
console.log(report);
