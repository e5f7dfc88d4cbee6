// In-session lifecycle moments of the card, in real Chromium where background tabs are really hidden: a stopped
// service worker, a tab hidden until shown, two tabs at once, a failed load. Each moment runs LIFECYCLE_RUNS times
// (default 20) and reports every iteration that missed.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { coveredPage } from './covered-pages';
import { waitForExtensionScriptIn } from './extension-in-page';
import { openBackgroundTab, openWindows } from './extension-tabs';
import { card, forgetShownCards, launchExtension, setSettings, type Harness } from './harness';
import { budgetFor, repeatMoment } from './lifecycle-runs';
import { controlServiceWorker, type ServiceWorkerControl } from './service-worker-control';
import { badgeText, cardHosts, tabStatus, visibilityOf } from './tab-state';
import { waitUntil } from './wait-until';

let h: Harness;
/** The tab the person looks at when no moment has brought another one forward; it carries the DevTools session. */
let home: Page;
let worker: ServiceWorkerControl;

beforeAll(async () => {
  // Chromium reloads a connection-error page by itself a second or more after it shows (sooner or later, with the
  // machine's load), which would race the failed-load moment's own reload. The product sees either reload the same
  // way (a tab that loads again), so the test, not a timer, decides when the retry happens.
  h = await launchExtension({ realTabVisibility: true, args: ['--disable-auto-reload'] });
  // Every step bounded well inside an iteration's budget, so one stuck iteration is reported, not the test's timeout.
  h.context.setDefaultTimeout(10_000);
  h.context.setDefaultNavigationTimeout(10_000);
  home = h.context.pages()[0] ?? (await h.context.newPage());
  worker = await controlServiceWorker(h, home);
});

afterAll(async () => {
  await worker?.detach();
  // Privacy, over the whole file: the fixture pages load nothing, so any other request came from the extension.
  const made = h?.scriptRequests ?? [];
  await h?.close();
  if (made.length) throw new Error(`Requests that were not navigations: ${made.join(', ')}`);
});

beforeEach(async () => {
  for (const page of h.context.pages()) if (page !== home) await page.close();
  await home.bringToFront();
  await setSettings(h, { showMode: 'once-per-session', autoHideSeconds: 0 });
});

const cardAppears = (page: Page, name: string, url: string) =>
  waitUntil(() => card(page, name).isVisible(), 10_000, async () => `no card for ${name} within 10 s (${await whatWasSeen(page, url)})`);

/** For a failure message: the worker, the page, its tab and badge, and whether the extension reached into it. */
async function whatWasSeen(page: Page, url: string): Promise<string> {
  const status = worker.status(); // first: asking the worker anything below starts it if it is stopped
  const visibility = await shown(page);
  const tab = await h.worker
    .evaluate(async (u) => {
      const found = (await chrome.tabs.query({})).find((t) => t.url === u);
      return found?.id === undefined ? undefined : { status: found.status, badge: await chrome.action.getBadgeText({ tabId: found.id }) };
    }, url)
    .catch(() => undefined);
  const script = await waitForExtensionScriptIn(h, page, 500).then(
    () => 'has run',
    () => 'has not run',
  );
  return `worker ${status}, page ${visibility}, tab ${tab ? `${tab.status} with badge '${tab.badge}'` : 'not found'}, the extension ${script} in the page`;
}

const badgeIsPy = (tabId: number, where: string) =>
  waitUntil(async () => (await badgeText(h, tabId)) === 'Py', 10_000, async () => `the badge on ${where} stayed '${await badgeText(h, tabId)}'`);

/** Long enough for a card to arrive if one were coming (covered pages here show theirs in well under 1 s). */
const settle = (page: Page) => page.waitForTimeout(1_500);

const shown = (page: Page) => visibilityOf(page).catch((e: Error) => `unknown (${e.message.split('\n')[0]})`);

describe('the service worker stopped', () => {
  it(
    'just before a covered navigation: the navigation starts it again and the card appears',
    async () => {
      await repeatMoment(async (i) => {
        const { url, name } = coveredPage(i, 'worker-stopped');
        // The tab exists before the stop: opening it is itself a tab event that would wake the worker.
        const page = await h.context.newPage();
        try {
          await forgetShownCards(h);
          // A mark in the worker's global scope: gone after the stop if a new instance really started.
          await h.worker.evaluate(() => void ((globalThis as Record<string, unknown>).__beforeTheStop = true));
          await worker.stop();
          // Nothing may touch the worker from here to the navigation: evaluating in it would start it.
          const statusAtNavigation = worker.status();
          const navigationAt = Date.now();
          await page.goto(url);
          await cardAppears(page, name, url);
          if (statusAtNavigation !== 'stopped') throw new Error(`the worker was ${statusAtNavigation}, not stopped, when the navigation began`);
          if (!worker.changesSince(navigationAt).some((c) => c.status === 'starting')) throw new Error('the card appeared but DevTools never saw the worker start again');
          const mark = await h.worker.evaluate(() => (globalThis as Record<string, unknown>).__beforeTheStop);
          if (mark !== undefined) throw new Error('the worker that answered is the one from before the stop');
        } finally {
          await page.close();
        }
      });
    },
    budgetFor(15),
  );

  it(
    'between the decision and the injection: a covered page looked at in a hidden tab, the worker stopped, the tab shown: the card appears',
    async () => {
      await repeatMoment(async (i) => {
        const { url, name } = coveredPage(i, 'worker-stopped-while-hidden');
        const tab = await openBackgroundTab(h);
        try {
          await forgetShownCards(h);
          await tab.page.goto(url);
          if ((await shown(tab.page)) !== 'hidden') throw new Error(`the background tab is ${await shown(tab.page)}, not hidden`);
          await badgeIsPy(tab.tabId, 'the hidden tab');
          // The badge comes with the start of the load; the decision comes after the load, when the background
          // reaches into the page. Stopped from then on, the worker has only the page itself to wake it.
          await waitForExtensionScriptIn(h, tab.page);
          await worker.stop();
          const stoppedAt = Date.now();
          await tab.page.bringToFront(); // what a click on the tab does: the tab becomes the window's active one
          if ((await shown(tab.page)) !== 'visible') throw new Error(`the tab is ${await shown(tab.page)} after it was brought to the front`);
          await cardAppears(tab.page, name, url);
          // Only the background hands the card over: had it done so before the stop, this was not the moment.
          if (!worker.changesSince(stoppedAt).some((c) => c.status === 'starting')) throw new Error('the card appeared but the stopped worker never started again');
        } finally {
          await tab.page.close();
        }
      });
    },
    budgetFor(16),
  );
});

describe('two covered tabs of one company loading at the same moment', () => {
  it(
    "under 'once per session', both in sight: exactly one card in total",
    async () => {
      await repeatMoment(async (i) => {
        const { url, name } = coveredPage(i, 'same-moment');
        const windows = await openWindows(h, 2);
        try {
          await forgetShownCards(h);
          await Promise.all(windows.map(({ page }, n) => page.goto(`${url}/tab-${n}`)));
          const visibility = await Promise.all(windows.map(({ page }) => shown(page)));
          if (visibility.some((v) => v !== 'visible')) throw new Error(`both windows must be in sight, they are ${visibility.join(' and ')}`);
          for (const [n, { tabId }] of windows.entries()) await badgeIsPy(tabId, `window ${n}`);
          const total = async () => (await Promise.all(windows.map(({ page }) => cardHosts(page)))).reduce((a, b) => a + b, 0);
          await waitUntil(async () => (await total()) > 0, 10_000, () => `neither window got the card for ${name}`);
          await settle(windows[0]!.page); // a second card, if one were coming, arrives within this
          const counts = await Promise.all(windows.map(({ page }) => cardHosts(page)));
          if (counts[0]! + counts[1]! !== 1) throw new Error(`${counts[0]} + ${counts[1]} cards in the two windows, not exactly 1`);
        } finally {
          for (const { page } of windows) await page.close();
        }
      });
    },
    budgetFor(18),
  );
});

describe('a covered page opened in a background tab', () => {
  it(
    'gets no card while hidden, although the background has looked at it; once shown, the card appears',
    async () => {
      await repeatMoment(async (i) => {
        const { url, name } = coveredPage(i, 'hidden-then-shown');
        const tab = await openBackgroundTab(h);
        try {
          await forgetShownCards(h);
          await tab.page.goto(url);
          await badgeIsPy(tab.tabId, 'the hidden tab');
          await waitForExtensionScriptIn(h, tab.page); // the background has looked at the page itself
          await settle(tab.page);
          const hosts = await cardHosts(tab.page);
          const visibility = await shown(tab.page);
          if (visibility !== 'hidden') throw new Error(`the background tab is ${visibility}, not hidden`);
          if (hosts) throw new Error(`${hosts} card(s) in the hidden tab before it was ever shown`);
          await tab.page.bringToFront();
          if ((await shown(tab.page)) !== 'visible') throw new Error(`the tab is ${await shown(tab.page)} after it was brought to the front`);
          await cardAppears(tab.page, name, url);
        } finally {
          await tab.page.close();
        }
      });
    },
    budgetFor(18),
  );

  it('starts the auto-hide clock when shown, not when loaded', async () => {
    const autoHideSeconds = 5;
    // Made room for by closing, so "gone" is plain to see (the default shrinks it to a tab at the window's side).
    await setSettings(h, { showMode: 'once-per-session', autoHideSeconds, makeRoomBy: 'close' });
    const { url, name } = coveredPage(0, 'auto-hide-after-shown');
    const tab = await openBackgroundTab(h);
    await tab.page.goto(url);
    const loadedAt = Date.now();
    await badgeIsPy(tab.tabId, 'the hidden tab');
    // Hidden for longer than the auto-hide time: a clock started at load would have run out before the tab shows.
    await tab.page.waitForTimeout(Math.max(0, autoHideSeconds * 1_000 + 1_000 - (Date.now() - loadedAt)));
    expect(await visibilityOf(tab.page)).toBe('hidden');
    expect(await cardHosts(tab.page)).toBe(0);
    await tab.page.bringToFront();
    await tab.page.mouse.move(5, 5); // the pointer away from the card: hovering would hold it open
    await cardAppears(tab.page, name, url);
    const shownAt = Date.now();
    // Three seconds after it appeared (nine after the load) it is still there, whole ...
    await tab.page.waitForTimeout(3_000);
    expect(await card(tab.page, name).getByRole('heading', { level: 2 }).isVisible()).toBe(true);
    // ... and it does go, by itself, once the auto-hide time has passed since it was shown.
    await waitUntil(async () => (await cardHosts(tab.page)) === 0, 10_000, () => `the card was still there ${Date.now() - shownAt} ms after it appeared`);
    expect(Date.now() - shownAt).toBeGreaterThanOrEqual(autoHideSeconds * 1_000 - 500);
  }, 40_000);
});

describe('a failed load, then a good one', () => {
  it(
    "under 'once per session': Chromium's connection-error page spends nothing, and the card appears on the reload",
    async () => {
      await repeatMoment(async (i) => {
        const { url, name } = coveredPage(i, 'failed-then-good');
        const page = await h.context.newPage();
        try {
          await forgetShownCards(h);
          const committed: string[] = [];
          page.on('framenavigated', (frame) => void (frame === page.mainFrame() && committed.push(frame.url())));
          await page.route(url, (route) => route.abort('connectionrefused'), { times: 1 });
          const failure = await page.goto(url).then(
            () => 'it loaded',
            (e: Error) => e.message.split('\n')[0]!,
          );
          if (!failure.includes('ERR_CONNECTION_REFUSED')) throw new Error(`the first load did not fail as refused: ${failure}`);
          await waitUntil(async () => committed.some((u) => u.startsWith('chrome-error://')), 10_000, () => `no error page; committed: ${committed.join(', ')}`);
          // The person reloads once the error page is there: the tab has finished loading it, so the background has
          // heard of that load before the next one starts.
          await waitUntil(async () => (await tabStatus(h, url)) === 'complete', 10_000, async () => `the error page's tab is ${await tabStatus(h, url)}`);
          await page.reload();
          await cardAppears(page, name, url);
          const goodLoads = committed.filter((u) => u === url).length;
          if (goodLoads !== 1) throw new Error(`${goodLoads} good loads (committed: ${committed.join(', ')}): the moment was not one failure then one success`);
        } finally {
          await page.close();
        }
      });
    },
    budgetFor(16),
  );
});
