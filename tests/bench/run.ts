// `npm run bench`: page cost, the card's own cost, time to card, popup, IndexedDB, matcher and sizes, in headless
// Chromium with the built extension. Prints a table and writes bench/results.json and bench/results.md. Timings
// are reported, never asserted: they depend on the machine. BENCH_RUNS sets the runs per figure; the card's own
// cost runs until its interval is narrow enough, from BENCH_CARD_RUNS (15) to BENCH_CARD_MAX_RUNS (60) turns;
// BENCH_FIRST_VISITS (BENCH_RUNS) browser starts per scenario. BENCH_COMPARE=<unpacked extension dir> adds another
// build to the page cost, the card's cost, the first visit and the popup, in the same turns. BENCH_ONLY=popup runs
// only the popup part.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadValidProfiles } from '../../data/build/profile-files';
import { EXTENSION_DIR } from '../e2e/harness';
import type { Page } from 'playwright-core';
import { launchBench, type BenchBrowser } from './browser';
import { CARD, FLOOR_MARK, measureCard } from './card-timing';
import { benchCardCost } from './card-cost';
import { benchFirstVisit, type FirstVisitScenario } from './first-visit';
import { benchPopupOpen } from './popup-open';
import { benchToolbarPopup } from './popup-toolbar';
import { measurePopupSearch } from './popup-search';
import { benchDatabase } from './db-in-browser';
import { FLOOR_SCRIPT, fixtureExtensions } from './fixture-extensions';
import { benchDetector } from './detector';
import { benchMatcher } from './matcher';
import { benchWorkerStart } from './worker-start';
import { measurePageView, type PageView } from './page-cost';
import { popupTable, renderReport } from './report';
import { packageSizes } from './sizes';
import { repeat, summarize, type Summary } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const CARD_RUNS = Number(process.env.BENCH_CARD_RUNS ?? 15);
const CARD_MAX_RUNS = Math.max(CARD_RUNS, Number(process.env.BENCH_CARD_MAX_RUNS ?? 60));
const FIRST_VISITS = Number(process.env.BENCH_FIRST_VISITS ?? RUNS);
const COMPARE = process.env.BENCH_COMPARE ? resolve(process.env.BENCH_COMPARE) : null;
const COMPARE_NAME = `compare: ${COMPARE?.split('/').filter(Boolean).slice(-2).join('/')}`;
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

const fixtures = fixtureExtensions(EXTENSION_DIR);

/** The popup as opened for a tab showing the covered page. */
async function popupForCoveredTab(b: BenchBrowser) {
  const tab = await b.context.newPage();
  await tab.goto(COVERED);
  const tabId = await b.worker!.evaluate(async () => (await chrome.tabs.query({})).find((t) => t.url?.includes('youtube'))?.id);
  return `chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`;
}

/** The popup's time to its card, in turns with a floor popup (and the build to compare). */
async function popupPart(ours: BenchBrowser, compare: BenchBrowser | null) {
  log(`popup, from its navigation to its card drawn, in turns with a floor popup: ${RUNS} runs after ${WARMUP} warm-up`);
  const floorPopup = await launchBench([fixtures.floorPopup]);
  const asPage = await benchPopupOpen(
    [
      { name: 'floor: a popup of one static heading', context: floorPopup.context, url: `chrome-extension://${floorPopup.extensionId}/popup.html` },
      { name: 'Python Inside', context: ours.context, url: await popupForCoveredTab(ours) },
      ...(compare ? [{ name: COMPARE_NAME, context: compare.context, url: await popupForCoveredTab(compare) }] : []),
    ],
    RUNS,
    WARMUP,
  ).finally(() => floorPopup.close());
  log(`popup, opened from the toolbar for the covered tab, to its card painted: ${RUNS} runs after ${WARMUP} warm-up`);
  const toolbar = await benchToolbarPopup(
    [
      { name: 'floor: a popup of one static heading', dir: fixtures.floorPopup },
      { name: 'Python Inside', dir: EXTENSION_DIR },
      ...(COMPARE ? [{ name: COMPARE_NAME, dir: COMPARE }] : []),
    ],
    COVERED,
    RUNS,
    WARMUP,
  );
  return { ...asPage, toolbar };
}

// BENCH_ONLY=popup: the popup part alone (with BENCH_COMPARE's build in the same turns), printed, nothing written.
if (process.env.BENCH_ONLY) {
  if (process.env.BENCH_ONLY !== 'popup') throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: only "popup" can run alone`);
  const ours = await launchBench([EXTENSION_DIR]);
  const compare = COMPARE ? await launchBench([COMPARE]) : null;
  try {
    for (const b of [ours, compare]) if (b) await settingsForBench(b);
    console.log(popupTable(await popupPart(ours, compare)));
  } finally {
    for (const b of [ours, compare]) await b?.close();
  }
  process.exit(0);
}
const browsers = {
  none: await launchBench([]),
  floor: await launchBench([fixtures.floor]),
  floorAfterLoad: await launchBench([fixtures.floorAfterLoad]),
  floorAfterLoadOurHosts: await launchBench([fixtures.floorAfterLoadOurHosts]),
  ours: await launchBench([EXTENSION_DIR]),
  compare: COMPARE ? await launchBench([COMPARE]) : null,
};
await settingsForBench(browsers.ours);
if (browsers.compare) await settingsForBench(browsers.compare);

log(`page cost: ${RUNS} runs after ${WARMUP} warm-up, scenarios in turns`);
const pageCost: Record<string, PageSummary> = await pageViewsInTurns([
  { name: 'no extension', browser: browsers.none, url: COVERED },
  { name: 'floor: one-line content script', browser: browsers.floor, url: COVERED },
  { name: 'floor: one line injected after load', browser: browsers.floorAfterLoad, url: COVERED },
  { name: 'Python Inside: uncovered site', browser: browsers.ours, url: UNCOVERED },
  { name: 'Python Inside: covered site, card shown', browser: browsers.ours, url: COVERED },
  ...(browsers.compare ? [{ name: COMPARE_NAME, browser: browsers.compare, url: COVERED }] : []),
]);

log(`the card's own main-thread work after load: Chromium traces in turns, ${CARD_RUNS} to ${CARD_MAX_RUNS} runs`);
const FLOOR = 'floor: one line injected after load';
const FLOOR_HOSTS = 'floor: one line injected after load, our host permissions';
const OURS = 'Python Inside: covered site, card shown';
const cardCost = await benchCardCost(
  [
    { name: FLOOR, context: browsers.floorAfterLoad.context, script: FLOOR_SCRIPT },
    { name: FLOOR_HOSTS, context: browsers.floorAfterLoadOurHosts.context, script: FLOOR_SCRIPT },
    { name: OURS, context: browsers.ours.context, script: 'overlay.js' },
    ...(browsers.compare ? [{ name: COMPARE_NAME, context: browsers.compare.context, script: 'overlay.js' }] : []),
  ],
  [[OURS, FLOOR], [OURS, FLOOR_HOSTS], [FLOOR_HOSTS, FLOOR], ...(browsers.compare ? [[COMPARE_NAME, FLOOR] as const] : [])],
  COVERED,
  { minRuns: CARD_RUNS, maxRuns: CARD_MAX_RUNS, warmup: 1, log },
);

log('time to a one-line script injected after load (the earliest an after-load design can show anything)');
const floorRuns = await repeat(RUNS, WARMUP, () => measureCard(browsers.floorAfterLoad.context, COVERED, undefined, FLOOR_MARK));
const floorAfterLoadMs = summarize(floorRuns.map((r) => r.fromLoadMs));

const popupOpen = await popupPart(browsers.ours, browsers.compare);
for (const b of [browsers.none, browsers.floor, browsers.floorAfterLoad, browsers.floorAfterLoadOurHosts, browsers.compare]) await b?.close();

const ours = await (async (b: BenchBrowser) => {
  log('time to card, service worker warm');
  const warm = await repeat(RUNS, WARMUP, () => measureCard(b.context, COVERED));
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
  return { cardWarm: card(warm), cardCold: card(cold), keystrokeMs: summarize(keystrokes) };
})(browsers.ours).finally(() => browsers.ours.close());

log(`the first covered page after a browser start: ${FIRST_VISITS} starts per scenario, in turns`);
const shownIn = (target: { selector: string; inShadowOf: string | null }) => (page: Page) =>
  page.waitForFunction(
    ({ selector, inShadowOf }) => (inShadowOf ? document.querySelector(inShadowOf)?.shadowRoot : document)?.querySelector(selector),
    target,
    { timeout: 20_000 },
  );
const firstVisit = await benchFirstVisit(
  [
    { name: FLOOR, extensionDir: fixtures.floorAfterLoad, shown: shownIn(FLOOR_MARK) },
    { name: 'Python Inside', extensionDir: EXTENSION_DIR, shown: shownIn(CARD) },
    ...(COMPARE ? [{ name: COMPARE_NAME, extensionDir: COMPARE, shown: shownIn(CARD) } satisfies FirstVisitScenario] : []),
  ],
  COVERED,
  FIRST_VISITS,
);

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
  page: { url: { covered: COVERED, uncovered: UNCOVERED }, scenarios: pageCost },
  card: { cost: cardCost, firstVisit, warm: ours.cardWarm, cold: ours.cardCold, floorAfterLoadMs },
  popup: { open: popupOpen, searchKeystrokeMs: ours.keystrokeMs, profiles: profiles.length },
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
