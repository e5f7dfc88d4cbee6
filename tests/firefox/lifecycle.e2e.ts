// The card through the extension's lifecycle in Firefox ESR, each moment repeated LIFECYCLE_RUNS times (default
// 20) with every miss reported: install, browser start (restored tabs, a URL on the command line), a restart of
// the background (extension process crash, add-on reload), and a page opened in a background tab.
//
// Pages come from a real local server (local-sites.ts) that Firefox reaches through its proxy prefs, because
// pages that load while Firefox starts come before any WebDriver request interception could be set up. Nothing
// leaves 127.0.0.1. Settings stay at their defaults (the card once per company per browser session), so moments
// repeated in one browser visit a different company each run.
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardsEverOn, cardsOn, expectOneCard, startCountingCards, visibilityOf } from './card-on-page';
import { ONE_SITE_PER_COMPANY, sitesForRuns, type CoveredSite } from './covered-sites';
import { FIREFOX_DIR } from './driver';
import { crashExtensionProcess, extensionProcess } from './extension-process';
import { startFirefox, type RunningFirefox } from './firefox-launch';
import { createProfile, installedAddonPrefs, localSitesPrefs, type Prefs } from './firefox-profile';
import { everyRun, lifecycleRuns, stepsOfOneRun } from './lifecycle-runs';
import { requestsNotNavigations, startLocalSites, type LocalSites } from './local-sites';

const RUNS = lifecycleRuns();
/**
 * Budgets for vitest, per run, large enough for a run that fails every wait (a timeout would lose the report of
 * every run) on a loaded machine.
 */
const timeoutFor = (msPerRun: number) => 120_000 + RUNS * msPerRun;

const INSTALL_PAGE: CoveredSite = { company: 'Spotify', host: 'open.spotify.com', url: 'https://open.spotify.com/track/abc' };
const RESTORED_PAGES: CoveredSite[] = [
  { company: 'YouTube', host: 'www.youtube.com', url: 'https://www.youtube.com/watch' },
  { company: 'Reddit', host: 'www.reddit.com', url: 'https://www.reddit.com/r/python' },
];
const COMMAND_LINE_PAGE: CoveredSite = { company: 'NASA', host: 'www.nasa.gov', url: 'https://www.nasa.gov/missions' };
/** A tab that showed its card before the background restarts, in view when it does: still exactly one card after. */
const WITNESS_PAGE: CoveredSite = { company: 'Netflix', host: 'www.netflix.com', url: 'https://www.netflix.com/browse' };

/**
 * Restore the last session at start (a person's "Open previous windows and tabs"), and load every restored tab
 * at once rather than when first selected: then a tab hidden behind the selected one has loaded before the
 * add-on's background runs, which is the case that needs the start-up look at open tabs.
 */
const RESTORE_LAST_SESSION: Prefs = { 'browser.startup.page': 3, 'browser.sessionstore.restore_on_demand': false };
/**
 * After more than 5 extension process crashes in 30 s Firefox stops restarting the process by itself; the crash
 * test crashes it once per run, faster than that.
 */
const ALLOW_REPEATED_CRASHES: Prefs = { 'extensions.webextensions.crash.threshold': 1_000 };
/**
 * How long a page is watched for a card that must not come: a covered page's card normally appears 0.1–0.5 s
 * after its load event or after being shown here. Each such wait has a positive control: a card that does come.
 */
const ABSENCE_WATCH_MS = 1_500;

let sites: LocalSites;
const profileDirs: string[] = [];

beforeAll(async () => {
  const hosts = [INSTALL_PAGE, ...RESTORED_PAGES, COMMAND_LINE_PAGE, WITNESS_PAGE, ...ONE_SITE_PER_COMPANY].map((s) => s.host);
  sites = await startLocalSites([...new Set(hosts)]);
});

afterAll(async () => {
  await sites?.close();
  await Promise.all(profileDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  // Privacy, over the whole suite: the fixture pages load nothing, so any other request came from the extension.
  const made = sites ? requestsNotNavigations(sites) : [];
  if (made.length) throw new Error(`Requests that were not navigations: ${made.map((r) => `${r.url} (${r.dest})`).join(', ')}`);
});

async function newProfile(options?: { installAddon?: boolean }): Promise<string> {
  const dir = await createProfile(sites, options);
  profileDirs.push(dir);
  return dir;
}

/** The tabs showing these URLs, in that order, waited for (restored tabs appear while Firefox starts). */
async function tabsShowing(browser: Browser, urls: readonly string[], timeout = 15_000): Promise<Page[]> {
  const end = Date.now() + timeout;
  for (;;) {
    const pages = await browser.pages();
    const found = urls.map((url) => pages.find((p) => p.url() === url));
    if (found.every((p) => p !== undefined)) return found as Page[];
    if (Date.now() > end) throw new Error(`tabs open: ${JSON.stringify(pages.map((p) => p.url()))}, expected ${JSON.stringify(urls)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The witness tab showed its card before the background restarted, and was the tab in view when it did. Brought
 * back into view, its document must still have had just that one card: a restarted background that offered the
 * card to open tabs again would draw a second at once (tab visible) or as soon as the tab is shown. Counted
 * from the page (startCountingCards), as the default settings let the first card hide itself after 20 s in view.
 * The new page's card, which came first, is the positive control for this wait.
 */
async function expectWitnessStillSingle(witness: Page): Promise<void> {
  await witness.bringToFront();
  await new Promise((r) => setTimeout(r, ABSENCE_WATCH_MS));
  const count = await cardsEverOn(witness);
  if (count !== 1) throw new Error(`the tab that already showed its card (${WITNESS_PAGE.url}) has had ${count} cards (now showing ${JSON.stringify(await cardsOn(witness))})`);
}

/**
 * After an add-on reload the tab that showed its card holds exactly one card, and a live one: Firefox drops the
 * old card's sandbox (its buttons do nothing), and the new lifetime replaces that card rather than adding a second.
 * Its Close must work; the next reload then finds the tab without a card and gives it one.
 */
async function expectWitnessOneLiveCard(witness: Page): Promise<void> {
  await witness.bringToFront();
  await new Promise((r) => setTimeout(r, ABSENCE_WATCH_MS));
  const showing = await cardsOn(witness);
  if (showing.length !== 1) throw new Error(`the tab that showed its card (${WITNESS_PAGE.url}) shows ${showing.length} cards: ${JSON.stringify(showing)}`);
  await witness.evaluate(() => {
    const root = document.querySelector('python-inside, [data-python-inside]')!.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
  });
  await new Promise((r) => setTimeout(r, 200));
  const after = await cardsOn(witness);
  if (after.length !== 0) throw new Error(`the card on ${WITNESS_PAGE.url} did not close from its own Close button: ${JSON.stringify(after)}`);
}

/**
 * The card on a page that loaded while the background restarted. When it is missing, says whether the same page
 * loaded again afterwards gets it: then the background is back and only the page of the restart was missed.
 */
async function expectCardOrTellWhy(tab: Page, site: CoveredSite): Promise<void> {
  try {
    await expectOneCard(tab, site.company);
  } catch (error) {
    await tab.reload();
    const afterwards = await expectOneCard(tab, site.company).then(
      () => 'reloaded afterwards, the page gets its card',
      (late: Error) => `reloaded afterwards, still none (${late.message})`,
    );
    throw new Error(`${(error as Error).message}; ${afterwards}`);
  }
}

/** Starts Firefox once to install the add-on placed in the profile, checks that it works there, and quits. */
async function firstStartWithInstalledAddon(profileDir: string, prefs: Prefs, open: readonly CoveredSite[]): Promise<void> {
  const firefox = await startFirefox({ profileDir, prefs, quittable: true });
  try {
    for (const [index, site] of open.entries()) {
      const page = index === 0 ? (await firefox.browser.pages())[0]! : await firefox.browser.newPage();
      await page.goto(site.url);
      await expectOneCard(page, site.company).catch((error: Error) => {
        throw new Error(`The add-on installed in the profile does not work in its first session: ${error.message}`);
      });
    }
  } finally {
    await firefox.quit();
  }
}

describe('Firefox: the card through the extension lifecycle', () => {
  it(
    'install, then a covered page at once: the card appears',
    async () => {
      const misses = await everyRun(RUNS, async () => {
        const profileDir = await createProfile(sites);
        const firefox = await startFirefox({ profileDir, prefs: localSitesPrefs(sites) });
        try {
          const [page] = await firefox.browser.pages();
          await firefox.browser.installExtension(FIREFOX_DIR);
          // At once: no wait for the background to seed its dataset or for anything else.
          await page!.goto(INSTALL_PAGE.url);
          await expectOneCard(page!, INSTALL_PAGE.company);
        } finally {
          await firefox.close();
          await rm(profileDir, { recursive: true, force: true });
        }
      });
      expect(misses).toEqual([]);
    },
    timeoutFor(45_000),
  );

  describe('browser start, with the add-on installed in the profile', () => {
    it(
      'covered tabs restored from the last session get their cards: the selected one at once, the hidden one when shown',
      async () => {
        const profileDir = await newProfile({ installAddon: true });
        const prefs = { ...localSitesPrefs(sites), ...installedAddonPrefs, ...RESTORE_LAST_SESSION };
        // The last session: the covered pages open, then Firefox quit as a person does (the tabs are saved).
        await firstStartWithInstalledAddon(profileDir, prefs, RESTORED_PAGES);

        const misses = await everyRun(RUNS, async () => {
          const firefox = await startFirefox({ profileDir, prefs, quittable: true });
          try {
            const tabs = await tabsShowing(firefox.browser, RESTORED_PAGES.map((s) => s.url));
            const visibility = await Promise.all(tabs.map(visibilityOf));
            const shown = visibility.indexOf('visible');
            const hidden = visibility.indexOf('hidden');
            if (shown < 0 || hidden < 0) throw new Error(`restored tabs' visibility: ${JSON.stringify(visibility)}, expected one visible and one hidden`);
            const [shownTab, hiddenTab] = [tabs[shown]!, tabs[hidden]!];
            const [shownSite, hiddenSite] = [RESTORED_PAGES[shown]!, RESTORED_PAGES[hidden]!];
            await stepsOfOneRun([
              () => expectOneCard(shownTab, shownSite.company),
              async () => {
                // Once the selected tab has its card, the hidden one (restored as early) has been looked at too.
                const early = await cardsOn(hiddenTab);
                if (early.length) throw new Error(`the hidden restored tab ${hiddenSite.url} shows ${JSON.stringify(early)} before it is shown`);
              },
              async () => {
                await hiddenTab.bringToFront();
                await expectOneCard(hiddenTab, hiddenSite.company);
              },
            ]);
          } finally {
            // Saves the same two tabs (now the other one selected) for the next run's start.
            await firefox.quit();
          }
        });
        expect(misses).toEqual([]);
      },
      timeoutFor(75_000),
    );

    it(
      'a covered URL on the command line gets its card',
      async () => {
        const profileDir = await newProfile({ installAddon: true });
        const prefs = { ...localSitesPrefs(sites), ...installedAddonPrefs };
        await firstStartWithInstalledAddon(profileDir, prefs, [INSTALL_PAGE]);

        const misses = await everyRun(RUNS, async () => {
          const firefox = await startFirefox({ profileDir, prefs, args: [COMMAND_LINE_PAGE.url], quittable: true });
          try {
            const [tab] = await tabsShowing(firefox.browser, [COMMAND_LINE_PAGE.url]);
            await expectOneCard(tab!, COMMAND_LINE_PAGE.company);
          } finally {
            await firefox.quit();
          }
        });
        expect(misses).toEqual([]);
      },
      timeoutFor(60_000),
    );
  });

  describe('background restart (the build runs a persistent MV2 background page: no idle stop to wait for)', () => {
    let running: RunningFirefox | undefined;
    afterAll(async () => {
      await running?.close();
    });

    /** A Firefox with the add-on (temporary) and a witness tab that already shows its card. */
    async function firefoxWithWitness(prefs: Prefs): Promise<{ firefox: RunningFirefox; witness: Page }> {
      await running?.close();
      const firefox = await startFirefox({ profileDir: await newProfile(), prefs: { ...localSitesPrefs(sites), ...prefs } });
      running = firefox;
      await firefox.browser.installExtension(FIREFOX_DIR);
      const [witness] = await firefox.browser.pages();
      await witness!.goto(WITNESS_PAGE.url);
      await startCountingCards(witness!);
      await expectOneCard(witness!, WITNESS_PAGE.company);
      return { firefox, witness: witness! };
    }

    it(
      'extension process crash: Firefox restarts the background, and a covered page opened right after gets its card',
      async () => {
        const runSites = sitesForRuns(RUNS, [WITNESS_PAGE.company]);
        const { firefox, witness } = await firefoxWithWitness(ALLOW_REPEATED_CRASHES);
        let extensionPid = await extensionProcess(firefox.pid);

        const misses = await everyRun(RUNS, async (run) => {
          const site = runSites[run - 1]!;
          const crashed = extensionPid;
          crashExtensionProcess(crashed);
          // Right after: the page loads while the background is still coming back.
          const tab = await firefox.browser.newPage();
          try {
            await tab.goto(site.url);
            await stepsOfOneRun([() => expectCardOrTellWhy(tab, site), () => expectWitnessStillSingle(witness)]);
          } finally {
            // The restart itself: a new extension process (found before the next run crashes it again).
            extensionPid = await extensionProcess(firefox.pid, { not: crashed });
            await tab.close();
          }
        });
        expect(misses).toEqual([]);
      },
      timeoutFor(40_000),
    );

    it(
      "add-on reload (about:debugging's Reload: the temporary add-on installed again from its folder): a covered page opened right after gets its card",
      async () => {
        const runSites = sitesForRuns(RUNS, [WITNESS_PAGE.company]);
        const { firefox, witness } = await firefoxWithWitness({});

        const misses = await everyRun(RUNS, async (run) => {
          const site = runSites[run - 1]!;
          await firefox.browser.installExtension(FIREFOX_DIR);
          // Right after: the new background has only just started.
          const tab = await firefox.browser.newPage();
          try {
            await tab.goto(site.url);
            await stepsOfOneRun([() => expectOneCard(tab, site.company), () => expectWitnessOneLiveCard(witness)]);
          } finally {
            await tab.close();
          }
        });
        expect(misses).toEqual([]);
      },
      timeoutFor(30_000),
    );
  });

  it(
    'a covered page opened in a background tab: no card while hidden; shown, the card appears',
    async () => {
      const runSites = sitesForRuns(RUNS);
      const profileDir = await newProfile();
      const firefox = await startFirefox({ profileDir, prefs: localSitesPrefs(sites) });
      try {
        await firefox.browser.installExtension(FIREFOX_DIR);
        const [front] = await firefox.browser.pages();
        const misses = await everyRun(RUNS, async (run) => {
          const site = runSites[run - 1]!;
          const tab = await firefox.browser.newPage({ background: true });
          try {
            await tab.goto(site.url);
            const visibility = await visibilityOf(tab);
            if (visibility !== 'hidden') throw new Error(`the background tab is ${visibility}, so the moment was not tested`);
            await new Promise((r) => setTimeout(r, ABSENCE_WATCH_MS));
            await stepsOfOneRun([
              async () => {
                const early = await cardsOn(tab);
                if (early.length) throw new Error(`card while hidden: ${JSON.stringify(early)}`);
              },
              async () => {
                await tab.bringToFront();
                await expectOneCard(tab, site.company);
              },
            ]);
          } finally {
            await front!.bringToFront();
            await tab.close();
          }
        });
        expect(misses).toEqual([]);
      } finally {
        await firefox.close();
      }
    },
    timeoutFor(30_000),
  );
});
