/**
 * Firefox ESR with the built extension, through puppeteer-core over WebDriver BiDi: the add-on is installed as a
 * temporary extension (browser.installExtension), and every http(s) request is answered by the same fixture
 * pages as the Chromium suite, by request interception. A fixed internal UUID makes moz-extension:// pages
 * addressable.
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

async function interceptedTab(browser: Browser): Promise<Tab> {
  const page: Page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (!/^https?:/.test(url)) return void request.continue();
    const { contentType, body, headers } = fixtureResponse(new URL(url));
    return void request.respond({ status: 200, contentType, body, headers });
  });
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
    close: () => page.close(),
  };
}

export async function launchFirefox(): Promise<{ driver: Driver; close(): Promise<void> }> {
  // Fail loudly, never skip: a suite that silently ran nothing would look green.
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr`);
  if (!existsSync(resolve(FIREFOX_DIR, 'manifest.json'))) throw new Error(`No build at ${FIREFOX_DIR}: run npm run build:firefox`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }) },
  });
  const id = await browser.installExtension(FIREFOX_DIR);
  if (id !== ADDON_ID) throw new Error(`Installed ${id}, expected ${ADDON_ID}`);
  return {
    driver: {
      browserName: 'firefox',
      openTab: () => interceptedTab(browser),
      extensionUrl: (path) => `moz-extension://${UUID}/${path}`,
    },
    close: () => browser.close(),
  };
}
