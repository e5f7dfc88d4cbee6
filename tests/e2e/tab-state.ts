/** What a tab shows the person: whether it is visible, the toolbar badge on it, the card hosts in its page. */
import type { Page } from 'playwright-core';
import type { Harness } from './harness';

export const visibilityOf = (page: Page) => page.evaluate(() => document.visibilityState);

/** 'Py' once the background has looked at a covered, enabled page in that tab. */
export const badgeText = (h: Harness, tabId: number) => h.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** Card hosts in the page: ours is <python-inside>, or a marked <div> where the page took that name. */
export const cardHosts = (page: Page) => page.locator('python-inside, [data-python-inside]').count();

/** The loading status of the tab showing `url` (covered hosts only: the extension sees no other tab's URL). */
export const tabStatus = (h: Harness, url: string) =>
  h.worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.status ?? 'no such tab', url);
