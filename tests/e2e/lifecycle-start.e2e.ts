/**
 * The moments a browser or the extension starts, in real Chromium (issue 12), each repeated LIFECYCLE_RUNS times
 * (default 20) with every failing run reported: install, browser start (session restore; a URL on the command
 * line), an update that changes the dataset while covered tabs are open, and the extension turned off and on in
 * chrome://extensions. Run alone: npm run build && npx vitest run --project e2e tests/e2e/lifecycle-start.e2e.ts
 */
import { rm } from 'node:fs/promises';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAppears, cardCount, cardCountAfterSettling, describeCards } from './card-watch';
import { copyBuild, withDomains, writeUpdate } from './extension-update';
import { currentWorker, extensionIdOf, nextWorker } from './extension-worker';
import { switchExtension } from './extensions-page';
import { EXTENSION_DIR, PROFILES, card } from './harness';
import { LIFECYCLE_RUNS, repeatSeries } from './lifecycle-runs';
import { startLocalHttpsServer, type LocalHttpsServer } from './local-https-server';
import { newProfile } from './profile-preferences';
import { launchRouted } from './routed-chromium';
import { unaccountedRequests } from './served-requests';
import { startChromium } from './spawned-chromium';
import { storedDatasetVersion } from './stored-dataset';
import { badgeProblems, badgeRule } from './tab-badges';

const RUNS = LIFECYCLE_RUNS;
/** A test's time limit: generous per run for a 2-core machine, so only a hang ends a test early. */
const limitFor = (secondsPerRun: number) => 60_000 + RUNS * secondsPerRun * 1_000;

const DEFAULT_SETTINGS = { disabledSites: [] as string[], showMode: 'once-per-session', position: 'bottom-right', autoHideSeconds: 20 };

/** A tab of the started browser at this URL (a restored or command-line tab may be attached a moment after). */
async function pageAt(context: BrowserContext, url: string, timeout = 10_000): Promise<Page> {
  const end = Date.now() + timeout;
  for (;;) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    if (Date.now() > end) throw new Error(`No tab at ${url}; tabs: ${JSON.stringify(context.pages().map((p) => p.url()))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The card's problems in a page that must show it once: missing, or more than one. When it is missing, a reload
 * tells a missed moment (the reload shows it) from an extension that does not work at all here.
 */
async function oneCardProblems(page: Page, company: string, where: string): Promise<string[]> {
  if (!(await cardAppears(page, company))) {
    const hosts = await describeCards(page);
    const seen = `no card on ${where} within 10 s (${hosts.length} card hosts in the page${hosts.length ? `: ${hosts.join('; ')}` : ''})`;
    await page.reload();
    return [`${seen}; ${(await cardAppears(page, company)) ? 'a reload then showed it' : 'a reload did not show it either'}`];
  }
  const cards = await cardCountAfterSettling(page);
  return cards === 1 ? [] : [`${cards} cards on ${where}`];
}

describe('install', () => {
  it(
    `a covered page opened the instant the new worker appears gets its card (${RUNS} fresh profiles)`,
    async () => {
      const url = 'https://open.spotify.com/track/abc';
      const rule = badgeRule(PROFILES);
      const scriptRequests: string[] = [];
      const report = await repeatSeries('install', RUNS, async () => {
        const browser = await launchRouted({ extensionDir: EXTENSION_DIR });
        try {
          // Nothing waits for the dataset seed: a person can open a page at once, and waiting hides the race
          // (tab events before the new worker's listeners are known to Chromium are lost).
          const worker = await currentWorker(browser.context);
          const page = browser.context.pages()[0] ?? (await browser.context.newPage());
          await page.goto(url);
          const problems = await oneCardProblems(page, 'Spotify', url);
          return [...problems, ...(await badgeProblems(worker, rule, [url], problems.length ? 0 : undefined))];
        } finally {
          scriptRequests.push(...browser.scriptRequests);
          await browser.close();
        }
      });
      expect(report.failures).toEqual([]);
      expect(scriptRequests, 'requests made by a script (the extension must make none)').toEqual([]);
    },
    limitFor(15),
  );
});

// Restored and command-line tabs load before any test driver could route requests, so these pages come from a
// real HTTPS server on 127.0.0.1; every hostname resolves to it, and nothing leaves the machine.
describe('browser start', () => {
  let server: LocalHttpsServer;
  const profiles: string[] = [];
  beforeAll(async () => {
    server = await startLocalHttpsServer();
  });
  afterAll(async () => {
    await server?.close();
    for (const dir of profiles) await rm(dir, { recursive: true, force: true });
  });

  it(
    `session restore: the active restored covered tab gets its card (${RUNS} starts)`,
    async () => {
      const servedBefore = server.requests.length;
      const youtube = 'https://www.youtube.com/watch?v=restored';
      const reddit = 'https://www.reddit.com/r/Python/';
      const rule = badgeRule(PROFILES);
      const profileDir = await newProfile({ restoreLastSession: true });
      profiles.push(profileDir);
      // The session to come back to: the extension installed, both covered tabs open with Reddit's in front,
      // then the browser closed the normal way. (Headless Chromium takes one URL on its command line.)
      const first = await startChromium({ profileDir, extensionDir: EXTENSION_DIR, args: server.chromiumArgs, urls: [youtube] });
      try {
        await currentWorker(first.context);
        await (await pageAt(first.context, youtube)).waitForLoadState('load');
        const front = await first.context.newPage();
        await front.goto(reddit);
        await front.bringToFront();
      } finally {
        await first.close();
      }

      const report = await repeatSeries('browser start, session restore', RUNS, async () => {
        const servedBeforeRun = server.requests.length;
        const browser = await startChromium({ profileDir, extensionDir: EXTENSION_DIR, args: server.chromiumArgs });
        try {
          const worker = await currentWorker(browser.context);
          const active = await worker.evaluate(async () => (await chrome.tabs.query({ active: true })).map((t) => t.url ?? 'a tab the extension cannot see'));
          if (active.length !== 1 || active[0] !== reddit) return [`the session came back with active tabs ${JSON.stringify(active)}, not ${reddit}`];
          const problems = await oneCardProblems(await pageAt(browser.context, reddit), 'Reddit', `the restored active tab ${reddit}`);
          // A page the browser took from its cache would not be a start-up load: it must have come from the server now.
          if (!server.requests.slice(servedBeforeRun).some((r) => r.mode === 'navigate' && r.url === reddit)) problems.push(`${reddit} was not loaded from the local server at this start`);
          return [...problems, ...(await badgeProblems(worker, rule, [youtube, reddit]))];
        } finally {
          await browser.close();
        }
      });
      expect(report.failures).toEqual([]);
      expect(unaccountedRequests(server.requests.slice(servedBefore), [youtube, reddit]), 'requests no page or the browser itself made').toEqual([]);
    },
    limitFor(15),
  );

  it(
    `a covered URL on the command line at start gets its card (${RUNS} starts)`,
    async () => {
      const servedBefore = server.requests.length;
      const rule = badgeRule(PROFILES);
      const profileDir = await newProfile();
      profiles.push(profileDir);
      // Installed by a first start, so each run below is the start of a browser that already has the extension.
      // It opens an uncovered page of ours: with no URL, Debian's Chromium would open its own start page.
      const installPage = 'https://example.org/installed';
      const first = await startChromium({ profileDir, extensionDir: EXTENSION_DIR, args: server.chromiumArgs, urls: [installPage] });
      try {
        await currentWorker(first.context);
      } finally {
        await first.close();
      }

      const opened: string[] = [installPage];
      const report = await repeatSeries('browser start, URL on the command line', RUNS, async (index) => {
        const url = `https://www.youtube.com/watch?v=start${index}`;
        opened.push(url);
        const browser = await startChromium({ profileDir, extensionDir: EXTENSION_DIR, args: server.chromiumArgs, urls: [url] });
        try {
          const problems = await oneCardProblems(await pageAt(browser.context, url), 'YouTube', url);
          return [...problems, ...(await badgeProblems(await currentWorker(browser.context), rule, [url]))];
        } finally {
          await browser.close();
        }
      });
      expect(report.failures).toEqual([]);
      expect(unaccountedRequests(server.requests.slice(servedBefore), opened), 'requests no page or the browser itself made').toEqual([]);
    },
    limitFor(15),
  );
});

describe('extension update that changes the dataset', () => {
  it(
    `badges follow the new dataset, no second card, settings kept (${RUNS} updates)`,
    async () => {
      // Not the defaults, so "kept" means something. The mode changes every two runs, so both a card that shows
      // on every load and the default once-per-session card meet both kinds of dataset change (a domain dropped,
      // a domain given back).
      const settingsFor = (index: number) => ({
        disabledSites: ['netflix'],
        showMode: Math.floor(index / 2) % 2 ? 'once-per-session' : 'every-load',
        position: 'top-left',
        autoHideSeconds: 0,
      });
      const reddit = PROFILES.find((p) => p.id === 'reddit')!;
      const changedDomain = 'redditinc.com';
      const withoutChanged = withDomains('reddit', reddit.domains.filter((d) => d !== changedDomain));
      // The manifest keeps its host permissions: the changed tab's badge must go because the dataset says so,
      // not because the browser stopped showing the extension that tab's URL.
      const visibleToExtension = badgeRule(PROFILES);
      const tabs = [
        { url: 'https://www.youtube.com/', company: 'YouTube' },
        { url: 'https://www.reddit.com/', company: 'Reddit' },
        { url: `https://www.${changedDomain}/`, company: 'Reddit' },
        { url: 'https://www.netflix.com/', company: 'Netflix' },
        { url: 'https://example.org/', company: undefined },
      ];

      const extensionDir = await copyBuild();
      const profileDir = await newProfile({ developerMode: true }); // Chromium reloads unpacked extensions only then
      const browser = await launchRouted({ extensionDir, profileDir });
      try {
        let worker: Worker = await currentWorker(browser.context);

        const report = await repeatSeries('extension update', RUNS, async (index) => {
          const settings = settingsFor(index);
          // Even runs drop redditinc.com from Reddit's profile, odd runs bring it back: every run is an update that
          // changes the dataset, and that tab's badge goes or comes back while reddit.com's stays.
          const before = badgeRule(index % 2 ? withoutChanged : PROFILES, settings.disabledSites);
          const afterProfiles = index % 2 ? PROFILES : withoutChanged;
          const after = badgeRule(afterProfiles, settings.disabledSites);
          const problems: string[] = [];

          // Each run starts as a fresh browser session would: this run's settings, no card shown yet (the same
          // reset as harness.ts's setSettings), no tabs.
          await worker.evaluate(async (s) => {
            await chrome.storage.local.remove('shownCompanies');
            await chrome.storage.sync.set({ settings: s });
          }, settings);
          for (const page of browser.context.pages()) await page.close();
          const pages = new Map<string, Page>();
          const showedCard = new Set<string>();
          const shownCompanies = new Set<string>();
          for (const { url, company } of tabs) {
            const page = await browser.context.newPage();
            await page.bringToFront();
            await page.goto(url);
            pages.set(url, page);
            if (company && before(url) && (settings.showMode === 'every-load' || !shownCompanies.has(company))) {
              if (await cardAppears(page, company)) showedCard.add(url);
              else problems.push(`before the update: no card on ${url}`);
              shownCompanies.add(company);
            }
          }
          await pages.get(tabs[0]!.url)!.bringToFront(); // the person is looking at a tab that shows its card

          const versionBefore = await storedDatasetVersion(worker);
          const version = `1.0.${index + 1}`;
          await writeUpdate(extensionDir, { version, companies: afterProfiles });
          const started = nextWorker(browser.context);
          // The worker ends with the reload, so this call never answers.
          worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
          worker = await started;

          const running = await worker.evaluate(() => chrome.runtime.getManifest().version);
          if (running !== version) problems.push(`version ${running} runs after the update, not ${version}`);
          problems.push(...(await badgeProblems(worker, after, tabs.map((t) => t.url).filter((url) => visibleToExtension(url)))));
          const versionAfter = await storedDatasetVersion(worker);
          if (!versionAfter || versionAfter === versionBefore) problems.push(`stored dataset version ${versionAfter} after the update (before: ${versionBefore})`);
          const kept = await worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings as Record<string, unknown>);
          for (const [key, value] of Object.entries(settings)) {
            if (JSON.stringify(kept?.[key]) !== JSON.stringify(value)) problems.push(`setting ${key} is ${JSON.stringify(kept?.[key])} after the update, not ${JSON.stringify(value)}`);
          }

          // No second card. The badges are right, so the new worker's start has run; a second card would follow
          // within a second. The new covered page below is the positive control for this wait.
          await pages.get(tabs[0]!.url)!.waitForTimeout(1_500);
          for (const { url } of tabs) {
            const cards = await cardCount(pages.get(url)!);
            // A tab that had no card and became covered by this update is in the background: not judged here.
            const want = showedCard.has(url) ? 1 : after(url) ? undefined : 0;
            if (want !== undefined && cards !== want) problems.push(`${cards} cards on ${url} after the update (${settings.showMode}), expected ${want}`);
          }
          const control = await browser.context.newPage();
          await control.bringToFront();
          await control.goto('https://www.nasa.gov/');
          if (!(await cardAppears(control, 'NASA'))) problems.push('no card on https://www.nasa.gov/ opened after the update (the positive control)');
          else {
            const box = await card(control, 'NASA').boundingBox();
            if (!box || box.x > 40 || box.y > 40) problems.push(`the card is not in the top-left corner chosen before the update: ${JSON.stringify(box)}`);
          }
          return problems;
        });
        expect(report.failures).toEqual([]);
        expect(browser.scriptRequests, 'requests made by a script (the extension must make none)').toEqual([]);
      } finally {
        await browser.close();
        await rm(profileDir, { recursive: true, force: true });
        await rm(extensionDir, { recursive: true, force: true });
      }
    },
    limitFor(20),
  );
});

describe('the extension turned off and on in chrome://extensions', () => {
  it(
    `afterwards badges are right and a covered navigation shows its card (${RUNS} times)`,
    async () => {
      const settings = { ...DEFAULT_SETTINGS, disabledSites: ['reddit'] };
      const rule = badgeRule(PROFILES, settings.disabledSites);
      const visibleToExtension = badgeRule(PROFILES); // covered hosts, turned off or not
      const open = ['https://www.youtube.com/', 'https://www.reddit.com/', 'https://example.org/'];
      // A different company each run: under "once per session" a repeat could be "already shown" for reasons
      // that have nothing to do with the switch.
      const companies = PROFILES.filter((p) => !['youtube', 'reddit'].includes(p.id));
      const browser = await launchRouted({ extensionDir: EXTENSION_DIR });
      try {
        let worker: Worker = await currentWorker(browser.context);
        const extensionId = extensionIdOf(worker);
        await worker.evaluate((s) => chrome.storage.sync.set({ settings: s }), settings);
        const openPages: Page[] = [];
        for (const url of open) {
          const page = await browser.context.newPage();
          await page.goto(url);
          openPages.push(page);
        }
        // chrome://extensions stays open in its own tab (loading it again each run would cost seconds); the
        // person switches from it to the tab they browse in.
        const extensionsTab = await browser.context.newPage();
        await extensionsTab.goto('chrome://extensions');
        const tab = browser.context.pages()[0]!;

        const report = await repeatSeries('off and on', RUNS, async (index) => {
          const company = companies[index % companies.length]!;
          const url = `https://www.${company.domains[0]!}/lifecycle-${index}`;
          await extensionsTab.bringToFront();
          const stopped = new Promise<boolean>((resolve) => {
            worker.once('close', () => resolve(true));
            setTimeout(() => resolve(false), 10_000);
          });
          await switchExtension(extensionsTab, extensionId, false);
          if (!(await stopped)) return ['the worker was still running 10 s after the extension was turned off'];
          const started = nextWorker(browser.context);
          await switchExtension(extensionsTab, extensionId, true);
          worker = await started;
          // The instant the extension is back, the person goes on to a covered site.
          await tab.bringToFront();
          await tab.goto(url);
          const problems = await oneCardProblems(tab, company.name, url);
          // The tabs left open meanwhile: whatever the new lifetime offers them, a document never holds two cards
          // (the browsing tab's wait above covers theirs: the offers are made together at the worker's start).
          for (const page of openPages) {
            const cards = await cardCount(page);
            if (cards > 1) problems.push(`${cards} cards on ${page.url()}, open while the extension was off and on`);
          }
          return [...problems, ...(await badgeProblems(worker, rule, [...open.filter((u) => visibleToExtension(u)), url]))];
        });
        expect(report.failures).toEqual([]);
        expect(browser.scriptRequests, 'requests made by a script (the extension must make none)').toEqual([]);
      } finally {
        await browser.close();
      }
    },
    limitFor(15),
  );
});
