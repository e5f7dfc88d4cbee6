/**
 * Launches Debian's Chromium with the built extension and serves every http(s) page from a local fixture by
 * request routing: no network, any hostname (www.youtube.com, example.org) answers with a page we control.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type Request, type Worker } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadValidProfiles } from '../../data/build/profile-files';
import { DEFAULT_SETTINGS } from '../../data/settings/shape';
import { CHROMIUM_FLAGS } from '../tools/chromium-flags.mjs';
import { launchChromiumOverCdp, type RunningBrowser } from './chromium-over-cdp';
import { fixtureResponse } from './fixture-page';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The profiles the build bundled (npm test builds from the same files first), sorted by name like the pages. */
export const PROFILES = loadValidProfiles();

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every URL the browser tried to load over http(s), in order. */
  requests: string[];
  /** The ones that were not a page or frame navigation (made by a script: the extension must never make one). */
  scriptRequests: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Start the browser in this interface language (the extension's i18n follows it). */
  language?: string;
  /** Run with a window on this X display instead of headless (the permission prompt needs one). */
  display?: string;
  /** More Chromium flags (e.g. a proxy for pages that must come over a real connection). */
  args?: string[];
  /** Leave plain http:// requests to the network (that proxy) instead of answering them with fixtures. */
  httpOverNetwork?: boolean;
  /** Use (and keep) this profile, to start the same browser again; a fresh temporary one otherwise. */
  profileDir?: string;
  /**
   * Background tabs hidden and the shown tab visible, as for a person (see chromium-over-cdp.ts): Playwright's
   * own launch keeps every page "visible". Pages then have the window's size instead of an emulated viewport.
   */
  realTabVisibility?: boolean;
}

export async function launchExtension({ language, display, args = [], httpOverNetwork = false, profileDir, realTabVisibility = false }: LaunchOptions = {}): Promise<Harness> {
  // Fail loudly, never skip: a suite that silently ran nothing would look green.
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No build at ${EXTENSION_DIR}: run npm run build`);

  const profile = profileDir ?? (await mkdtemp(join(tmpdir(), 'python-inside-e2e-')));
  const browserArgs = [
    ...CHROMIUM_FLAGS.filter((flag) => !(display && flag.startsWith('--headless'))),
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    ...(language ? [`--lang=${language}`] : []),
    ...args,
  ];
  const env = {
    ...process.env,
    ...(language && { LANGUAGE: language, LANG: `${language}.UTF-8` }),
    ...(display && { DISPLAY: display }),
  };
  const browser = realTabVisibility
    ? await launchChromiumOverCdp({ executablePath: CHROMIUM, profileDir: profile, args: browserArgs, env })
    : await launchPersistent(profile, browserArgs, env);
  const { context } = browser;
  const requests: string[] = [];
  const scriptRequests: string[] = [];
  await context.route(httpOverNetwork ? /^https:\/\// : /^https?:\/\//, (route) => {
    const url = route.request().url();
    requests.push(url);
    if (!route.request().isNavigationRequest()) scriptRequests.push(url);
    const { contentType, body, headers } = fixtureResponse(new URL(url));
    return route.fulfill({ status: 200, contentType, body, headers });
  });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const harness: Harness = {
    context,
    worker,
    extensionId,
    requests,
    scriptRequests,
    async close() {
      await browser.close();
      if (!profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
  await waitForSeed(harness);
  return harness;
}

/** Playwright's own launch (the default): pages get an emulated viewport and focus, and all count as visible. */
async function launchPersistent(profile: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunningBrowser> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the new headless mode, passed in the flags, is the one that runs extensions
    args,
    env,
    viewport: { width: 1280, height: 800 },
  });
  return { context, close: () => context.close() };
}

/** Waits until the background has put the bundled dataset into IndexedDB (first start after install). */
async function waitForSeed(h: Harness, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const version = await h.worker.evaluate(async () => {
      // Opening a database that does not exist would create it: look first.
      if (!(await indexedDB.databases()).some((d) => d.name === 'python-inside')) return undefined;
      return new Promise<unknown>((resolve) => {
        const open = indexedDB.open('python-inside');
        open.onerror = () => resolve(undefined);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('meta')) return resolve(db.close());
          const get = db.transaction('meta').objectStore('meta').get('datasetVersion');
          get.onsuccess = () => resolve((db.close(), get.result));
          get.onerror = () => resolve((db.close(), undefined));
        };
      });
    });
    if (version) return;
    if (Date.now() > end) throw new Error('The background never seeded the dataset');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The settings as stored right now. */
interface StoredSettings {
  disabledSites: string[];
  showMode: string;
  position: string;
  autoHideSeconds: number;
  makeRoomBy: string;
  theme: string;
}

export async function storedSettings(h: Harness): Promise<StoredSettings> {
  return (await h.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings)) as StoredSettings;
}

/** Waits until the stored settings pass `ok` (a change made through a page has been saved). */
export async function waitForSettings(h: Harness, ok: (s: StoredSettings) => boolean, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const settings = await storedSettings(h);
    if (settings && ok(settings)) return settings;
    if (Date.now() > end) throw new Error(`Settings never reached the expected state: ${JSON.stringify(settings)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Writes settings the way the options page would (one storage.sync write: sync allows about two a second).
 * Starts from the product's own defaults (DEFAULT_SETTINGS), so every test begins from a known state.
 */
export async function setSettings(h: Harness, patch: Record<string, unknown> = {}): Promise<void> {
  await h.worker.evaluate(async (settings) => {
    await chrome.storage.local.remove('shownCompanies'); // no card shown yet this session
    await chrome.storage.sync.set({ settings });
  }, { ...DEFAULT_SETTINGS, ...patch });
}

/**
 * Forgets which cards have shown this session, as a new browser session does, without touching the settings
 * (setSettings does the same and also writes storage.sync, which allows only about two writes a second).
 */
export async function forgetShownCards(h: Harness): Promise<void> {
  await h.worker.evaluate(() => chrome.storage.local.remove('shownCompanies'));
}

export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  const url = page.url();
  const id = await h.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`No tab found for ${url}`);
  return id;
}

/**
 * Whether a routed request came from a web page (its frame has an http(s) address), and not from the extension:
 * the privacy checks count every other request as the extension's. A service worker's request has no frame.
 */
export function madeByPage(request: Request): boolean {
  try {
    return /^https?:/.test(request.frame().url());
  } catch {
    return false;
  }
}

export const extensionPage = (h: Harness, path: string) => `chrome-extension://${h.extensionId}/${path}`;

export const card = (page: Page, companyName: string) => page.getByRole('region', { name: `Python at ${companyName}` });

/**
 * Presses the card's "Show all" (a click, unless `press` says how) and waits for the full profile: a second script
 * brings it, injected by the background only when the reader asks (entrypoints/overlay-more, components/card/more.ts).
 */
export async function showFullProfile(region: Locator, press = (button: Locator) => button.click()): Promise<void> {
  await press(region.getByRole('button', { name: /^Show all/ }));
  await region.locator('.pi-sources').waitFor({ state: 'attached' });
}

/**
 * One browser per test file, started before its tests and closed after; before each test, default settings
 * (card on every load, no auto-hide) and no open pages. Returns a getter for the live harness.
 */
export function useExtension(): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => {
    // Privacy, over the whole suite: the fixture pages load nothing, so any other request came from the extension.
    const made = h?.scriptRequests ?? [];
    await h?.close();
    if (made.length) throw new Error(`Requests that were not navigations: ${made.join(', ')}`);
  });
  beforeEach(async () => {
    await setSettings(h!, { showMode: 'every-load', autoHideSeconds: 0 });
    for (const p of h!.context.pages()) await p.close();
  });
  return () => h!;
}
