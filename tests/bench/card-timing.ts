/**
 * When the card becomes visible, measured inside the page: a main-world observer notes the frame after the
 * card's host appears, relative to navigation start, DOMContentLoaded and the load event.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface CardTiming {
  fromNavigationMs: number;
  fromDomContentLoadedMs: number;
  fromLoadMs: number;
}

declare global {
  interface Window {
    __benchCardAt?: number;
  }
}

/** Installed before any page script: records the first animation frame in which `selector` is rendered. */
function watchFor({ selector, inShadowOf }: { selector: string; inShadowOf: string | null }) {
  const found = () => {
    const root = inShadowOf ? document.querySelector(inShadowOf)?.shadowRoot : document;
    return !!root?.querySelector(selector);
  };
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    requestAnimationFrame(() => (window.__benchCardAt = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/** What to wait for: the card, or the mark the after-load floor's one line leaves on <html>. */
export const CARD = { selector: '.pi-overlay', inShadowOf: 'python-inside' };
export const FLOOR_MARK = { selector: 'html[data-bench-floor]', inShadowOf: null };

export async function measureCard(
  context: BrowserContext,
  url: string,
  beforeNavigation?: (page: Page) => Promise<void>,
  target: { selector: string; inShadowOf: string | null } = CARD,
): Promise<CardTiming> {
  const page = await context.newPage();
  try {
    await page.addInitScript(watchFor, target);
    if (beforeNavigation) await beforeNavigation(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__benchCardAt !== undefined, undefined, { timeout: 10_000 });
    return page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const at = window.__benchCardAt!;
      return { fromNavigationMs: at, fromDomContentLoadedMs: at - nav.domContentLoadedEventEnd, fromLoadMs: at - nav.loadEventEnd };
    });
  } finally {
    await page.close();
  }
}

/** The popup, opened as a page for the given tab: time from its navigation start to the card drawn. */
export async function measurePopup(context: BrowserContext, popupUrl: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.addInitScript(watchFor, { selector: '.pi-card h2', inShadowOf: null });
    await page.goto(popupUrl);
    await page.waitForFunction(() => window.__benchCardAt !== undefined, undefined, { timeout: 10_000 });
    return page.evaluate(() => window.__benchCardAt!);
  } finally {
    await page.close();
  }
}
