/**
 * Tabs and windows opened the way the browser opens them for a person (chrome.tabs / chrome.windows, from the
 * extension's worker), paired with the Playwright page that drives each. They open on a marked about:blank and the
 * test then navigates them: a tab created straight onto a routed URL starts its request before Playwright can
 * route it (it then fails on this offline machine, Chromium shows its error page and auto-reloads it a second
 * later), which would add a failed load to every moment.
 */
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { waitUntil } from './wait-until';

export interface OpenedTab {
  page: Page;
  tabId: number;
}

let opened = 0;

async function pageAt(h: Harness, url: string): Promise<Page> {
  let found: Page | undefined;
  await waitUntil(async () => (found = h.context.pages().find((p) => p.url() === url)) !== undefined, 10_000, () => `no page ever showed ${url}`);
  return found!;
}

/** A new tab behind the active one of the last focused window: hidden from the person until shown. */
export async function openBackgroundTab(h: Harness): Promise<OpenedTab> {
  const url = `about:blank#background-tab-${++opened}`;
  const tabId = await h.worker.evaluate(async (u) => {
    const id = (await chrome.tabs.create({ url: u, active: false })).id;
    if (id === undefined) throw new Error('the new tab has no id');
    return id;
  }, url);
  return { page: await pageAt(h, url), tabId };
}

/** New windows, created at the same moment, each showing one tab. */
export async function openWindows(h: Harness, count: number): Promise<OpenedTab[]> {
  const urls = Array.from({ length: count }, () => `about:blank#window-${++opened}`);
  const tabIds = await h.worker.evaluate(
    async (us) =>
      Promise.all(
        us.map(async (url) => {
          const id = (await chrome.windows.create({ url }))?.tabs?.[0]?.id;
          if (id === undefined) throw new Error('a new window came without its tab');
          return id;
        }),
      ),
    urls,
  );
  return Promise.all(urls.map(async (url, i) => ({ page: await pageAt(h, url), tabId: tabIds[i]! })));
}
