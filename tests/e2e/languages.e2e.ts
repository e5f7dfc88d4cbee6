// The interface in the browser's language (German, Spanish) from _locales; Chromium needs its chromium-l10n
// package for those interface languages, which .ci/run installs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, extensionPage, launchExtension, setSettings, type Harness } from './harness';

describe.each([
  ['de', { noProfile: /Kein/, cardName: 'Python bei YouTube' }],
  ['es', { noProfile: /No hay|Ningún|Sin/, cardName: 'Python en YouTube' }],
] as const)('%s', (language, expected) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchExtension({ language });
    await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the card, the popup, options and the grid speak the language; the profiles stay English', async () => {
    const getMessage = (key: string) => h.worker.evaluate((k) => chrome.i18n.getMessage(k), key);
    expect(await h.worker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(new RegExp(`^${language}`));

    // The toolbar button's tooltip, on a page without a profile and before any page: the language's own text.
    const tooltip = await getMessage('actionTitle');
    expect(tooltip).not.toBe('Python Inside: how the company behind this site uses Python');
    expect(await h.worker.evaluate(() => chrome.action.getTitle({}))).toBe(tooltip);

    const page = await h.context.newPage();
    await page.goto('https://www.youtube.com/');
    await expect.poll(() => card(page, 'YouTube').count().catch(() => 0)).toBe(0); // not the English name
    const region = page.getByRole('region', { name: expected.cardName });
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await region.getByRole('button', { name: await getMessage('dontShow') }).isVisible()).toBe(true);
    // The profile text itself is the sourced English.
    expect(await region.textContent()).toContain('Python');

    const popup = await h.context.newPage();
    await popup.goto(extensionPage(h, 'popup.html'));
    await expect.poll(() => popup.locator('.pi-no-profile').textContent()).toMatch(expected.noProfile);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${language}`));

    await popup.goto(extensionPage(h, 'options.html'));
    const sitesHeading = await getMessage('sitesHeading');
    await expect.poll(() => popup.getByRole('heading', { level: 2, name: sitesHeading }).isVisible()).toBe(true);
    expect(await popup.title()).toBe(await getMessage('optionsTitle'));

    await popup.goto(extensionPage(h, 'browse.html'));
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe(await getMessage('browseTitle'));
    expect(await popup.getByRole('table').getAttribute('class')).toBe('pi-grid');
  });
});
