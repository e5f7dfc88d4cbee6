/** What the person sees of the card in a tab: whether it appears, and how many cards the page holds. */
import type { Page } from 'playwright-core';
import { card } from './harness';

/** Whether "Python at {company}" becomes visible within the timeout (polled, so it returns as soon as it shows). */
export async function cardAppears(page: Page, company: string, timeout = 10_000): Promise<boolean> {
  const region = card(page, company);
  const end = Date.now() + timeout;
  for (;;) {
    if (await region.isVisible()) return true;
    if (Date.now() > end) return false;
    await page.waitForTimeout(50);
  }
}

/** Card hosts in the page, shown or not: there must never be two. */
export const cardCount = (page: Page) => page.locator('python-inside').count();

/**
 * How many cards the page holds once a late one would have arrived: a second injection (from the tab's load
 * event and from the look at open tabs when the worker starts) lands within milliseconds of the first, so a second
 * is plenty. Only used after a card was seen in the same page (the positive control).
 */
export async function cardCountAfterSettling(page: Page, settleMs = 1_000): Promise<number> {
  await page.waitForTimeout(settleMs);
  return cardCount(page);
}

/**
 * What each card host in the page holds, for a failure report: the region's name, whether it is shown, and the
 * start of its text ("Python at Amazon, shown: no, text: ...").
 */
export function describeCards(page: Page): Promise<string[]> {
  return page.locator('python-inside').evaluateAll((hosts) =>
    hosts.map((host) => {
      const region = host.shadowRoot?.querySelector('[role="region"]');
      const shown = region instanceof HTMLElement && region.checkVisibility();
      const popover = host.matches(':popover-open') ? 'open' : 'closed';
      const text = (host.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return `${region?.getAttribute('aria-label') ?? 'no region'}, shown: ${shown ? 'yes' : 'no'}, popover ${popover}, text: ${JSON.stringify(text)}`;
    }),
  );
}
