/**
 * What a person sees of the card on a page: the accessible names of the card regions inside our shadow roots
 * ("Python at Spotify"), one per card host on the page. Assertions go through this, not through storage keys.
 */
import type { Page } from 'puppeteer-core';

export const CARD_WAIT_MS = 10_000;
/** The card's host element, or the stand-in used on pages that define <python-inside> themselves. */
const CARD_HOSTS = 'python-inside, [data-python-inside]';

/** The name of every card on the page, in document order (normally none or one). */
export const cardsOn = (page: Page): Promise<(string | null)[]> =>
  page.evaluate(
    (selector) => [...document.querySelectorAll(selector)].map((host) => host.shadowRoot?.querySelector('[role="region"]')?.getAttribute('aria-label') ?? null),
    CARD_HOSTS,
  );

/**
 * Waits (bounded, polling) until the page shows exactly one card, for the given company. Throws with what was
 * seen instead: no card, another company's, or more than one.
 */
export async function expectOneCard(page: Page, company: string, timeout = CARD_WAIT_MS): Promise<void> {
  const expected = `Python at ${company}`;
  const end = Date.now() + timeout;
  let seen: (string | null)[] = [];
  for (;;) {
    seen = await cardsOn(page);
    if (seen.includes(expected)) break;
    if (Date.now() > end) throw new Error(`no "${expected}" card on ${page.url()} after ${timeout} ms (cards seen: ${JSON.stringify(seen)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (seen.length !== 1) throw new Error(`${seen.length} cards on ${page.url()}: ${JSON.stringify(seen)}`);
}

export const visibilityOf = (page: Page): Promise<DocumentVisibilityState> => page.evaluate(() => document.visibilityState);


/**
 * From now on, counts the cards ever put into this document (those already there included), from the page's own
 * world: a card that auto-hides leaves the count as it was, and a second card, however briefly drawn, adds one.
 */
export const startCountingCards = (page: Page): Promise<void> =>
  page.evaluate((selector) => {
    const world = window as unknown as { __pythonInsideTestCardCount?: number };
    if (world.__pythonInsideTestCardCount !== undefined) return;
    world.__pythonInsideTestCardCount = document.querySelectorAll(selector).length;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element && node.matches(selector)) world.__pythonInsideTestCardCount! += 1;
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }, CARD_HOSTS);

/** How many cards this document has had since startCountingCards. */
export const cardsEverOn = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __pythonInsideTestCardCount?: number }).__pythonInsideTestCardCount ?? Number.NaN);
