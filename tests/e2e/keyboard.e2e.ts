// Keyboard only: the card's controls are reachable with Tab, show a visible focus ring, and Tab leads out again
// (the card never traps focus); the extension pages work without a pointer.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { card, extensionPage, useExtension, waitForSettings, type Harness } from './harness';

const harness = useExtension();
let h: Harness;
beforeEach(() => {
  h = harness();
});

/** Where focus is, looking inside the card's shadow root: its accessible label or text, or the page element's id. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return { where: 'body', outline: 'none' };
    const inCard = el.getRootNode() instanceof ShadowRoot;
    const style = getComputedStyle(el);
    return {
      where: inCard ? `card:${el.getAttribute('aria-label') ?? el.textContent?.trim()}` : `page:${el.id}`,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });

describe('keyboard', () => {
  it('Tab reaches every control of the card with a visible focus ring, and leads out of it again', async () => {
    const page = await h.context.newPage();
    await page.goto('https://www.reddit.com/');
    await expect.poll(() => card(page, 'Reddit').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.locator('#site-search').focus();
    const stops: { where: string; outline: string }[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    const inCard = stops.filter((s) => s.where.startsWith('card:'));
    expect(inCard.map((s) => s.where)).toEqual(
      expect.arrayContaining(['card:Close', expect.stringMatching(/^card:Show all \d+ uses/), "card:Don't show on this site"]),
    );
    for (const stop of inCard) expect(stop.outline, stop.where).toMatch(/^solid [1-9]/);
    // After the card's last control, Tab leaves it: no trap.
    const leaves = stops.findIndex((s, i) => i > 0 && stops[i - 1]!.where.startsWith('card:') && !s.where.startsWith('card:'));
    expect(leaves, JSON.stringify(stops)).toBeGreaterThan(0);
    // ...and the page's own controls come round again.
    expect(stops.slice(leaves).some((s) => s.where === 'page:site-search')).toBe(true);

    // Enter on "Show all" opens everything and keeps focus in the card; Escape then closes it.
    await page.locator('#site-search').focus();
    while (!(await focused(page)).where.startsWith('card:Show all')) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect((await focused(page)).where).toMatch(/^card:All about Reddit/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('python-inside').count()).toBe(0);
  });

  it('options work without a pointer: Tab to a site, Space turns it off', async () => {
    const options = await h.context.newPage();
    await options.goto(extensionPage(h, 'options.html'));
    const box = options.getByRole('checkbox', { name: 'Airbnb', exact: true });
    await expect.poll(() => box.isChecked()).toBe(true);
    await options.getByRole('searchbox', { name: 'Filter' }).focus();
    for (let i = 0; i < 6 && !(await box.evaluate((el) => el === document.activeElement)); i++) await options.keyboard.press('Tab');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await options.keyboard.press('Space');
    await waitForSettings(h, (s) => s.disabledSites.includes('airbnb'));
  });
});
