// Keyboard only: the card's controls are reachable with Tab, show a visible focus ring, and Tab leads out again
// (the card never traps focus); the extension pages work without a pointer.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PROFILES, card, extensionPage, tabIdOf, useExtension, waitForSettings, type Harness } from './harness';

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
    // Tab until focus has been through the card and out again (bounded: a trap would never get out).
    const stops: { where: string; outline: string }[] = [];
    const leftCard = () => stops.some((s, i) => i > 0 && stops[i - 1]!.where.startsWith('card:') && !s.where.startsWith('card:'));
    while (stops.length < 40 && !(leftCard() && stops.at(-1)!.where === 'page:site-search')) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    const inCard = stops.filter((s) => s.where.startsWith('card:'));
    // The digest's tools are links to their pages, each a stop of its own, between Close and "Show all".
    const reddit = PROFILES.find((p) => p.id === 'reddit')!;
    const tools = [...new Set(reddit.uses.flatMap((u) => u.tools))].slice(0, 6).map((tool) => `card:${tool}`);
    expect(inCard.map((s) => s.where)).toEqual(
      expect.arrayContaining(['card:Close', ...tools, expect.stringMatching(/^card:Show all \d+ uses/), "card:Don't show on this site"]),
    );
    for (const stop of inCard) expect(stop.outline, stop.where).toMatch(/^solid [1-9]/);
    // After the card's last control, Tab leaves it: no trap.
    const leaves = stops.findIndex((s, i) => i > 0 && stops[i - 1]!.where.startsWith('card:') && !s.where.startsWith('card:'));
    expect(leaves, JSON.stringify(stops)).toBeGreaterThan(0);
    // ...and the page's own controls come round again.
    expect(stops.slice(leaves).some((s) => s.where === 'page:site-search')).toBe(true);

    // Enter on "Show all" opens everything and keeps focus in the card: on the button until the full profile (the
    // card's second script) is there, then on it; Escape then closes it.
    await page.locator('#site-search').focus();
    while (!(await focused(page)).where.startsWith('card:Show all')) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).where).toMatch(/^card:All about Reddit/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('python-inside').count()).toBe(0);
  });

  it('on a long page the card is one Shift+Tab away: its host is the last thing in the document', async () => {
    // Tab walks the page in document order, and the top layer does not change that: with the host appended to
    // <html>, Tab reaches the card only after every link of the page (251 presses here), Shift+Tab at once.
    const page = await h.context.newPage();
    const links = Array.from({ length: 250 }, (_, i) => `<li><a href="/a${i}">Link ${i}</a></li>`).join('');
    await page.route('https://www.reddit.com/long', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><body><h1>Long</h1><ul>${links}</ul></body></html>` }),
    );
    await page.goto('https://www.reddit.com/long');
    await expect.poll(() => card(page, 'Reddit').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).where).toBe("card:Don't show on this site");
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

  describe('popup results', () => {
    /** Where focus is in the popup: the search box, a result (by company name), a heading, a button, or body. */
    const popupFocus = (popup: Page) =>
      popup.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'body';
        if (el.matches('input[type="search"]')) return 'search';
        if (el.matches('.pi-company')) return `result:${el.querySelector('.pi-company-name')?.textContent}`;
        if (/^H\d$/.test(el.tagName)) return `heading:${el.textContent}`;
        return `${el.tagName.toLowerCase()}:${el.textContent?.trim()}`;
      });

    it('ArrowDown leads from the search box into the list, arrows move in it, Enter opens, Escape and Back return', async () => {
      const popup = await h.context.newPage();
      await popup.goto(extensionPage(h, 'popup.html'));
      const search = popup.getByRole('searchbox', { name: 'Search companies' });
      await search.fill('django');
      const djangoUsers = PROFILES.filter((p) => p.uses.some((u) => u.tools.includes('Django')))
        .map((p) => p.name)
        .sort((a, b) => a.localeCompare(b, 'en'));
      expect(djangoUsers.length).toBeGreaterThan(3);
      await expect.poll(() => popup.getByRole('status').textContent()).toBe(`${djangoUsers.length} of ${PROFILES.length} companies`);

      const press = async (key: string) => {
        await popup.keyboard.press(key);
        return popupFocus(popup);
      };
      expect(await press('ArrowDown')).toBe(`result:${djangoUsers[0]}`);
      expect(await press('ArrowDown')).toBe(`result:${djangoUsers[1]}`);
      expect(await press('End')).toBe(`result:${djangoUsers.at(-1)}`);
      expect(await press('ArrowDown')).toBe(`result:${djangoUsers.at(-1)}`); // the last stays put
      expect(await press('Home')).toBe(`result:${djangoUsers[0]}`);
      expect(await press('ArrowUp')).toBe('search'); // above the first: back to the search box
      expect(await search.inputValue()).toBe('django');

      await press('ArrowDown');
      expect(await press('ArrowDown')).toBe(`result:${djangoUsers[1]}`);
      // Enter opens the company, with focus on its name, so the reader lands on what they chose.
      expect(await press('Enter')).toBe(`heading:${djangoUsers[1]}`);
      expect(await popup.getByRole('heading', { level: 2 }).textContent()).toBe(djangoUsers[1]);
      // Escape goes back to the list as it was, on the same result.
      expect(await press('Escape')).toBe(`result:${djangoUsers[1]}`);
      expect(await search.inputValue()).toBe('django');

      // The Back button does the same.
      expect(await press('ArrowDown')).toBe(`result:${djangoUsers[2]}`);
      await press('Enter');
      expect(await press('Shift+Tab')).toBe('button:← All companies');
      expect(await press('Enter')).toBe(`result:${djangoUsers[2]}`);
      // Focus is visible on the result it came back to.
      expect(await popup.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    });

    it('"Browse all companies" on a covered site leads to the search box', async () => {
      const site = await h.context.newPage();
      await site.goto('https://www.dropbox.com/');
      const popup = await h.context.newPage();
      await popup.goto(extensionPage(h, `popup.html?tab=${await tabIdOf(h, site)}`));
      const browseAll = popup.getByRole('button', { name: 'Browse all companies' });
      // Pressed as soon as it shows, perhaps before the search's code has loaded (it is fetched after the first
      // view): focus then reaches the search box when that code comes, a moment after the press.
      await browseAll.focus();
      await popup.keyboard.press('Enter');
      await expect.poll(() => popupFocus(popup)).toBe('search');
      expect(await popup.getByRole('searchbox').count()).toBe(1);
    });
  });
});
