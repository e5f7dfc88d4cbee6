/**
 * Firefox ESR with the built extension, through puppeteer-core over WebDriver BiDi: the add-on is installed as a
 * temporary extension (browser.installExtension), and every http(s) request is answered by the same fixture
 * pages as the Chromium suite, by request interception. A fixed internal UUID makes moz-extension:// URLs known.
 *
 * BiDi refuses to navigate a tab to a moz-extension:// page, so the suite gets in the way a user can: the card's
 * "options page" button opens the options in a tab, and from that extension page other extension pages are
 * opened with tabs.create (no permission needed).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixtureResponse } from '../e2e/fixture-page';
import type { Driver, Tab } from '../shared/scenarios';

export const FIREFOX_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'python-inside@python-inside.dev';
const UUID = '5f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const EXTENSION_ORIGIN = `moz-extension://${UUID}/`;

async function intercept(page: Page, realHosts: readonly string[]) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (!/^https?:/.test(url) || realHosts.includes(new URL(url).hostname)) return void request.continue();
    const { contentType, body, headers } = fixtureResponse(new URL(url));
    return void request.respond({ status: 200, contentType, body, headers });
  });
}

/**
 * The tab that shows `url`, among those not in `before`. Found by asking each page where it is: BiDi reports a
 * tab the extension opened as about:blank until someone looks.
 */
async function waitForPage(browser: Browser, url: string, before: Set<Page>): Promise<Page> {
  const end = Date.now() + 15_000;
  for (;;) {
    const seen: string[] = [];
    for (const page of await browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch((error: unknown) => `(${String(error).slice(0, 80)})`);
      seen.push(href);
      if (href === url) {
        await page.waitForFunction(() => document.readyState === 'complete');
        return page;
      }
    }
    if (Date.now() > end) throw new Error(`No tab opened ${url}; new tabs showed: ${JSON.stringify(seen)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Opens the options page the way a user can from a page: the card's own "options page" button. */
async function firstExtensionPage(browser: Browser): Promise<Page> {
  const site = await browser.newPage();
  await intercept(site, []);
  await site.goto('https://www.wikipedia.org/', { waitUntil: 'load' });
  const press = (label: string) =>
    site.waitForFunction(
      (text) => {
        const root = document.querySelector('python-inside, [data-python-inside]')?.shadowRoot;
        const button = root && [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
        button?.click();
        return !!button;
      },
      { timeout: 15_000 },
      label,
    );
  await press("Don't show on this site");
  const before = new Set(await browser.pages());
  await press('options page');
  const options = await waitForPage(browser, `${EXTENSION_ORIGIN}options.html`, before);
  await press('Undo'); // leave the settings as they were
  await site.close();
  return options;
}

/** A tab that can also be clicked with real input (BiDi input actions), which counts as a user action. */
export interface FirefoxTab extends Tab {
  clickOn(selector: string): Promise<void>;
  /** Makes it the window's selected tab, the one the keyboard's shortcuts act on. */
  bringToFront(): Promise<void>;
  /** The page it shows now, for helpers written for puppeteer's pages (card-on-page.ts). */
  page(): Page;
}

export interface FirefoxDriver extends Driver {
  openTab(): Promise<FirefoxTab>;
}

export interface FirefoxOptions {
  /** More Firefox preferences for this run. */
  prefs?: Record<string, unknown>;
  /**
   * Run with a window on this X display instead of headless: what only a window has (Firefox's own permission
   * prompt, the extension's keyboard shortcut) can then be answered and pressed with real keys.
   */
  display?: string;
  /** Hosts whose pages come from real servers on this machine (a test's own, on 127.0.0.1), not the fixtures. */
  realHosts?: readonly string[];
}

export async function launchFirefox({ prefs = {}, display, realHosts = [] }: FirefoxOptions = {}): Promise<{ driver: FirefoxDriver; close(): Promise<void> }> {
  // Fail loudly, never skip: a suite that silently ran nothing would look green.
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr`);
  if (!existsSync(resolve(FIREFOX_DIR, 'manifest.json'))) throw new Error(`No build at ${FIREFOX_DIR}: run npm run build:firefox`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: !display,
    ...(display && { env: { ...process.env, DISPLAY: display } }),
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }), ...prefs },
  });
  const id = await browser.installExtension(FIREFOX_DIR);
  if (id !== ADDON_ID) throw new Error(`Installed ${id}, expected ${ADDON_ID}`);
  const anchor = await firstExtensionPage(browser);

  const openExtensionPage = async (url: string) => {
    const before = new Set(await browser.pages());
    // Awaited, so a refused tabs.create fails here with the browser's reason instead of as a missing tab later.
    await anchor.evaluate(async (u) => {
      await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.create({ url: u });
    }, url);
    return waitForPage(browser, url, before);
  };

  const openTab = async (): Promise<FirefoxTab> => {
    let page = await browser.newPage();
    await intercept(page, realHosts);
    return {
      async goto(url) {
        if (!url.startsWith(EXTENSION_ORIGIN)) return void (await page.goto(url, { waitUntil: 'load' }));
        await page.close();
        page = await openExtensionPage(url);
      },
      evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
      clickOn: (selector) => page.click(selector),
      bringToFront: () => page.bringToFront(),
      page: () => page,
      click: (x, y) => page.mouse.click(x, y),
      press: (key) => page.keyboard.press(key),
      close: () => page.close(),
    };
  };

  return {
    driver: { browserName: 'firefox', openTab, extensionUrl: (path) => `${EXTENSION_ORIGIN}${path}` },
    close: () => browser.close(),
  };
}
