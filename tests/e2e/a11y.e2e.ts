// axe-core inside the real pages: no WCAG 2.1 A/AA violations on the popup, options, browse page and in-page
// card, in the light and the dark theme.
import { beforeEach, describe, expect, it } from 'vitest';
import { violations } from './axe';
import { card, extensionPage, setSettings, showFullProfile, tabIdOf, useExtension, type Harness } from './harness';

const harness = useExtension();
let h: Harness;

beforeEach(() => {
  h = harness();
});

it('the check finds violations where there are some (control)', async () => {
  const page = await h.context.newPage();
  await page.goto('https://example.org/hostile/inaccessible');
  const found = await violations(page);
  expect(found.some((v) => v.startsWith('color-contrast'))).toBe(true);
  expect(found.some((v) => v.startsWith('label'))).toBe(true);
});

describe.each(['light', 'dark'] as const)('%s theme', (scheme) => {
  const open = async (url: string) => {
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url);
    return page;
  };

  it('the in-page card, as it opens, with everything shown, and shrunk to its tab', async () => {
    await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0, theme: scheme }); // the fixture page is light
    const page = await open('https://www.youtube.com/');
    await expect.poll(() => card(page, 'YouTube').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await violations(page, 'python-inside')).toEqual([]);
    await showFullProfile(card(page, 'YouTube'));
    expect(await violations(page, 'python-inside')).toEqual([]);
    await card(page, 'YouTube').getByRole('button', { name: 'Shrink to a tab' }).click();
    await expect.poll(() => card(page, 'YouTube').getByRole('button', { name: 'YouTube' }).isVisible()).toBe(true);
    expect(await violations(page, 'python-inside')).toEqual([]);
  });

  it('the popup, on a covered tab and elsewhere', async () => {
    const site = await open('https://www.dropbox.com/');
    const popup = await open(extensionPage(h, `popup.html?tab=${await tabIdOf(h, site)}`));
    await expect.poll(() => popup.getByRole('heading', { level: 2 }).first().textContent()).toBe('Dropbox');
    expect(await violations(popup)).toEqual([]);
    await popup.goto(extensionPage(h, 'popup.html'));
    await expect.poll(() => popup.getByText('No profile for this site.').isVisible()).toBe(true);
    expect(await violations(popup)).toEqual([]);
    // Search results that say why they matched.
    await popup.getByRole('searchbox', { name: 'Search companies' }).fill('LLM');
    await expect.poll(() => popup.locator('.pi-why').count()).toBeGreaterThan(1);
    expect(await violations(popup)).toEqual([]);
  });

  it('the options page', async () => {
    const options = await open(extensionPage(h, 'options.html'));
    await expect.poll(() => options.getByRole('checkbox').count()).toBeGreaterThan(30);
    expect(await violations(options)).toEqual([]);
    await options.getByRole('searchbox', { name: 'Filter' }).fill('deep learning');
    await expect.poll(() => options.locator('.pi-why').count()).toBeGreaterThan(1);
    expect(await violations(options)).toEqual([]);
  });

  it('the browse grid and a profile', async () => {
    const browse = await open(extensionPage(h, 'browse.html'));
    await expect.poll(() => browse.getByRole('table').isVisible()).toBe(true);
    expect(await violations(browse)).toEqual([]);
    await browse.goto(extensionPage(h, 'browse.html#/company/spotify/data'));
    await expect.poll(() => browse.getByRole('heading', { level: 2 }).textContent()).toBe('Spotify');
    expect(await violations(browse)).toEqual([]);
  });
});
