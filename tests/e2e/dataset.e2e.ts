// Every profile in the shipped dataset, seen the way a user meets it: the card on one of the company's other
// domains, and the "who uses Python for what" grid listing every company.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { AREA_LABELS, AREAS } from '../../data/profiles/areas';
import type { CompanyProfile } from '../../data/profiles/schema';
import { PROFILES, card, extensionPage, showFullProfile, useExtension, type Harness } from './harness';

const harness = useExtension();
let h: Harness;
let page: Page;

beforeEach(async () => {
  h = harness();
  page = await h.context.newPage();
});

/** A host other than the company's first domain: its next domain, or a subdomain when it has only one. */
const alternativeHost = (p: CompanyProfile) => (p.domains.length > 1 ? p.domains.at(-1)! : `m.${p.domains[0]!}`);

describe('the card on an alternative domain of every company', () => {
  it.each(PROFILES.map((p) => [alternativeHost(p), p.name] as const))('%s → Python at %s', async (host, name) => {
    await page.goto(`https://${host}/`);
    const region = card(page, name);
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await region.getByRole('heading', { level: 2 }).textContent()).toBe(name);
    const profile = PROFILES.find((p) => p.name === name)!;
    // How old the evidence is, at a glance: the years the sources span and the month of the last review.
    const years = profile.sources.map((s) => s.year);
    const [from, to] = [Math.min(...years), Math.max(...years)];
    expect(await region.locator('.pi-freshness').textContent()).toMatch(
      new RegExp(`^Sources from ${from}${from === to ? '' : ` to ${to}`} · reviewed [A-Z][a-z]+ \\d{4}$`),
    );
    // Every source shows how strong it is: the company's own word or a third party's.
    await showFullProfile(region);
    const kinds = await region.locator('.pi-sources li .pi-kind').allTextContents();
    expect(kinds.length).toBe(profile.sources.length);
    for (const kind of kinds) expect(['Own blog', 'Own talk', 'Own code', 'Own docs', 'Third party']).toContain(kind);
    // Every tool named links to its page, in a new tab; a use that ended says so.
    const tools = await region.locator('.pi-uses .pi-chip a').evaluateAll((links) =>
      links.map((a) => ({ name: a.textContent, href: a.getAttribute('href'), target: a.getAttribute('target') })),
    );
    // (the card groups uses by area, in the areas' fixed order)
    const byArea = AREAS.flatMap((area) => profile.uses.filter((u) => u.area === area));
    expect(tools.map((tool) => tool.name)).toEqual(byArea.flatMap((u) => u.tools));
    for (const tool of tools) expect(tool, JSON.stringify(tool)).toMatchObject({ href: expect.stringMatching(/^https:\/\//), target: '_blank' });
    expect(await region.locator('.pi-until').count()).toBe(profile.uses.filter((u) => u.until !== undefined).length);
  });
});

describe('the grid of who uses Python for what', () => {
  it('renders every company against every area, and a cell opens that profile at that area', async () => {
    await page.goto(extensionPage(h, 'browse.html'));
    const table = page.getByRole('table', { name: `Python use by company and area, ${PROFILES.length} companies` });
    await expect.poll(() => table.isVisible()).toBe(true);
    const names = [...PROFILES].map((p) => p.name).sort((a, b) => a.localeCompare(b, 'en'));
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(names);
    const columns = await table.getByRole('columnheader').locator('.pi-grid-area-label').allTextContents();
    expect(columns).toEqual(AREAS.map((a) => AREA_LABELS[a]));

    // The filled cells are exactly the areas each company has uses in.
    const filled = await table.locator('a.pi-cell-filled').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const expected = PROFILES.flatMap((p) => [...new Set(p.uses.map((u) => u.area))].map((area) => `#/company/${p.id}/${area}`));
    expect([...filled].sort()).toEqual([...expected].sort());

    // Filled cells are visibly coloured, empty ones are not.
    const colours = await table.locator('.pi-cell').evaluateAll((cells) =>
      cells.map((c) => ({ filled: c.classList.contains('pi-cell-filled'), bg: getComputedStyle(c).backgroundColor })),
    );
    for (const c of colours) expect(c.bg === 'rgba(0, 0, 0, 0)', JSON.stringify(c)).toBe(!c.filled);

    const netflix = PROFILES.find((p) => p.id === 'netflix')!;
    const mlUses = netflix.uses.filter((u) => u.area === 'machine-learning').length;
    await table.getByRole('link', { name: new RegExp(`^Netflix, Machine learning: ${mlUses} uses?`) }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toBe('Netflix');
    expect(page.url()).toMatch(/#\/company\/netflix\/machine-learning$/);
    const area = page.getByRole('region', { name: 'Machine learning' });
    expect(await area.evaluate((el) => el === document.activeElement && el.classList.contains('pi-area-highlight'))).toBe(true);

    await page.goBack();
    await expect.poll(() => table.isVisible()).toBe(true);
  });

  it('keeps the area headers and company names in view while scrolling through every company', async () => {
    await page.setViewportSize({ width: 520, height: 600 });
    await page.goto(extensionPage(h, 'browse.html'));
    const table = page.getByRole('table');
    await expect.poll(() => table.isVisible()).toBe(true);
    // To the bottom-right corner of the grid, the page scrolled too.
    await page.locator('.pi-grid-scroll').evaluate((box) => box.scrollTo(box.scrollWidth, box.scrollHeight));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = [...PROFILES].map((p) => p.name).sort((a, b) => a.localeCompare(b, 'en')).at(-1)!;
    const seen = await page.evaluate((lastName) => {
      // What a reader sees at a point: the topmost element there.
      const at = (el: Element) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && !!hit && el.contains(hit);
      };
      const headers = [...document.querySelectorAll('.pi-grid thead th')];
      const rows = [...document.querySelectorAll('.pi-grid tbody th')];
      return {
        lastRow: at(rows.find((r) => r.textContent?.startsWith(lastName))!),
        corner: at(headers[0]!),
        lastArea: at(headers.at(-1)!),
      };
    }, last);
    expect(seen).toEqual({ lastRow: true, corner: true, lastArea: true });
  });

  it('filters the grid as you type', async () => {
    await page.goto(extensionPage(h, 'browse.html'));
    await page.getByRole('searchbox', { name: 'Filter companies' }).fill('machine learning');
    const mlUsers = PROFILES.filter((p) => p.uses.some((u) => u.area === 'machine-learning'));
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`${mlUsers.length} of ${PROFILES.length} companies`);
    expect((await page.getByRole('rowheader').getByRole('link').allTextContents()).sort()).toEqual(mlUsers.map((p) => p.name).sort());
    // Each row says why it is there.
    expect(new Set(await page.getByRole('rowheader').locator('.pi-why').allTextContents())).toEqual(new Set(['area Machine learning']));
  });

  it('opens from the popup and from the options page', async () => {
    const popup = await h.context.newPage();
    await popup.goto(extensionPage(h, 'popup.html?tab=-1'));
    const opened = h.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'See who uses Python for what' }).click();
    const browse = await opened;
    await browse.waitForLoadState();
    expect(browse.url()).toBe(extensionPage(h, 'browse.html'));
    await expect.poll(() => browse.getByRole('heading', { level: 1 }).textContent()).toBe('Who uses Python for what');

    await page.goto(extensionPage(h, 'options.html'));
    await page.getByRole('link', { name: 'See who uses Python for what' }).click();
    await expect.poll(() => page.getByRole('table').isVisible()).toBe(true);
  });
});
