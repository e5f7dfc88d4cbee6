// Toolbar badge, popup (?tab=) and options page, with the built extension in real Chromium.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PROFILES, card, extensionPage, setSettings, storedSettings, tabIdOf, useExtension, waitForSettings, type Harness } from './harness';

const harness = useExtension();
let h: Harness;

beforeEach(() => {
  h = harness();
});

async function open(url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  return page;
}

const badgeOf = (tabId: number) =>
  h.worker.evaluate(
    async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }),
    tabId,
  );

describe('toolbar badge', () => {
  it('marks covered tabs only, and stays right across navigation and a service-worker restart', async () => {
    const yt = await open('https://www.youtube.com/');
    const other = await open('https://example.org/');
    const ytTab = await tabIdOf(h, yt);
    const otherTab = await h.worker.evaluate(async () => (await chrome.tabs.query({})).find((t) => t.url === undefined)?.id);
    await expect.poll(() => badgeOf(ytTab)).toEqual({ text: 'Py', title: 'Python at YouTube' });
    await expect.poll(() => badgeOf(otherTab!)).toEqual({ text: '', title: 'Python Inside: how the company behind this site uses Python' });

    await yt.goto('https://example.org/elsewhere');
    await expect.poll(() => badgeOf(ytTab)).toEqual({ text: '', title: 'Python Inside: how the company behind this site uses Python' });
    await other.goto('https://www.nasa.gov/');
    await expect.poll(() => badgeOf(otherTab!)).toEqual({ text: 'Py', title: 'Python at NASA' });

    // Restart the service worker (as Chrome does when idle): the badge is still there and still updates.
    const cdp = await h.context.newCDPSession(other);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await yt.goto('https://www.netflix.com/');
    h.worker = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker'));
    await expect.poll(() => badgeOf(ytTab)).toEqual({ text: 'Py', title: 'Python at Netflix' });
    await expect.poll(() => badgeOf(otherTab!)).toEqual({ text: 'Py', title: 'Python at NASA' });
  });

  it('drops the badge when the site is turned off', async () => {
    const page = await open('https://www.spotify.com/');
    const tab = await tabIdOf(h, page);
    await expect.poll(() => badgeOf(tab)).toEqual({ text: 'Py', title: 'Python at Spotify' });
    await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0, disabledSites: ['spotify'] });
    await expect.poll(() => badgeOf(tab)).toEqual({ text: '', title: 'Python Inside is off for Spotify' });
  });
});

describe('popup', () => {
  it('?tab= shows the card for that tab, with a switch for the site', async () => {
    const site = await open('https://www.dropbox.com/');
    const tab = await tabIdOf(h, site);
    const popup = await open(extensionPage(h, `popup.html?tab=${tab}`));
    await expect.poll(() => popup.getByRole('heading', { level: 2 }).first().textContent()).toBe('Dropbox');
    const toggle = popup.getByRole('switch', { name: "Show the card on Dropbox's sites" });
    expect(await toggle.isChecked()).toBe(true);

    await toggle.uncheck();
    await waitForSettings(h, (s) => s.disabledSites.includes('dropbox'));
    // The open card on the site went away at once.
    await site.bringToFront();
    await expect.poll(() => site.locator('python-inside').count()).toBe(0);
    await toggle.check();
    await waitForSettings(h, (s) => !s.disabledSites.includes('dropbox'));
    await site.reload();
    await expect.poll(() => card(site, 'Dropbox').isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it('elsewhere says there is no profile and lets you search every company by tool', async () => {
    const site = await open('https://example.org/');
    const tab = await h.worker.evaluate(async () => (await chrome.tabs.query({})).find((t) => t.url === undefined)?.id);
    const popup = await open(extensionPage(h, `popup.html?tab=${tab}`));
    await expect.poll(() => popup.getByText('No profile for this site.').isVisible()).toBe(true);
    expect(await popup.getByRole('status').textContent()).toBe(`${PROFILES.length} companies`);
    await popup.getByRole('searchbox', { name: 'Search companies' }).fill('Django');
    const djangoUsers = PROFILES.filter((p) => p.uses.some((u) => u.tools.includes('Django'))).map((p) => p.name);
    await expect.poll(() => popup.getByRole('status').textContent()).toBe(`${djangoUsers.length} of ${PROFILES.length} companies`);
    const names = await popup.locator('.pi-company-name').allTextContents();
    expect(names).toEqual(expect.arrayContaining(djangoUsers));
    expect(names).not.toContain('Netflix');
    await popup.getByRole('button', { name: /Instagram/ }).click();
    await expect.poll(() => popup.getByRole('heading', { level: 2 }).textContent()).toBe('Instagram');
    await site.close();
  });
});

/** What the popup's result list shows: each company's name and the line saying why it matched. */
const popupResults = (popup: Page) =>
  popup.locator('.pi-company').evaluateAll((buttons) =>
    buttons.map((b) => ({ name: b.querySelector('.pi-company-name')?.textContent, why: b.querySelector('.pi-company-meta')?.textContent })),
  );

/** Types a query into the popup's search box and waits until the list shows `count` companies. */
async function searchPopup(popup: Page, query: string, count: number) {
  await popup.getByRole('searchbox', { name: 'Search companies' }).fill(query);
  const status = count === PROFILES.length ? `${count} companies` : `${count} of ${PROFILES.length} companies`;
  await expect.poll(() => popup.getByRole('status').textContent(), { message: query }).toBe(status);
  return popupResults(popup);
}

describe('the popup on a site without a profile, detection off', () => {
  it('has one Options link, and the detection hint opens options at its detection section', async () => {
    const popup = await open(extensionPage(h, 'popup.html'));
    await expect.poll(() => popup.getByText('No profile for this site.').isVisible()).toBe(true);
    await expect.poll(() => popup.getByRole('button', { name: 'Detection settings' }).isVisible()).toBe(true);
    expect(await popup.getByRole('button', { name: 'Options', exact: true }).count()).toBe(1);
    const opened = h.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Detection settings' }).click();
    const options = await opened;
    await options.waitForLoadState();
    expect(options.url()).toBe(extensionPage(h, 'options.html#detection'));
    await expect.poll(() => options.getByRole('region', { name: 'Detect Python on any site' }).isVisible()).toBe(true);
    await options.close();
  });
});

describe('popup search', () => {
  // In the order the popup lists them: by name.
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');
  const usersOf = (language: string) => PROFILES.filter((p) => p.otherLanguages.includes(language)).sort(byName);
  const mlUsers = PROFILES.filter((p) => p.uses.some((u) => u.area === 'machine-learning')).sort(byName);

  it('finds the company of a pasted hostname or URL, and says which domain matched', async () => {
    const popup = await open(extensionPage(h, 'popup.html'));
    await expect.poll(() => popup.getByText('No profile for this site.').isVisible()).toBe(true);
    expect(await searchPopup(popup, 'www.youtube.com', 1)).toEqual([{ name: 'YouTube', why: 'domain youtube.com' }]);
    expect(await searchPopup(popup, 'https://www.reddit.com/r/python', 1)).toEqual([{ name: 'Reddit', why: 'domain reddit.com' }]);
    expect(await searchPopup(popup, 'mail.google.com', 1)).toEqual([{ name: 'Google', why: 'domain google.com' }]);
    expect(await searchPopup(popup, 'ml.com', 1)).toEqual([{ name: 'Bank of America', why: 'domain ml.com' }]);
  });

  it('matches words, not fragments, and says why every company is listed', async () => {
    const popup = await open(extensionPage(h, 'popup.html'));
    await expect.poll(() => popup.getByText('No profile for this site.').isVisible()).toBe(true);
    // "go" is the language Go, not every name with "go" in it.
    expect(await searchPopup(popup, 'go', usersOf('Go').length)).toEqual(usersOf('Go').map((p) => ({ name: p.name, why: 'uses Go' })));
    // "ml" and "AI" mean machine learning, not Merrill Lynch's ml.com or Airflow and Chainer.
    // (a tool with "ml" as a whole word, such as rubicon-ml, is named as well)
    const ml = await searchPopup(popup, 'ml', mlUsers.length);
    expect(ml.map((hit) => hit.name)).toEqual(mlUsers.map((p) => p.name));
    for (const hit of ml) expect(hit.why, hit.name!).toMatch(/^(?:tools? [^·]*\bml\b[^·]* · )?area Machine learning$/);
    // "AI" also finds the companies named with the word (Character.AI, Mistral AI) first, by their name: a name
    // needs no reason, so those rows show their domains as always.
    const namedAi = PROFILES.filter((p) => /(?:^|\W)AI(?:\W|$)/.test(p.name)).sort(byName);
    const domains = (p: (typeof PROFILES)[number]) => (p.domains.length > 1 ? `${p.domains[0]} and ${p.domains.length - 1} more` : p.domains[0]);
    const aiHits = [...namedAi.map((p) => ({ name: p.name, why: domains(p) })), ...mlUsers.filter((p) => !namedAi.includes(p)).map((p) => ({ name: p.name, why: 'area Machine learning' }))];
    expect(await searchPopup(popup, 'AI', aiHits.length)).toEqual(aiHits);
    // A tool says which tool.
    const flaskUsers = PROFILES.filter((p) => p.uses.some((u) => u.tools.includes('Flask'))).sort(byName);
    expect(await searchPopup(popup, 'flask', flaskUsers.length)).toEqual(flaskUsers.map((p) => ({ name: p.name, why: 'tool Flask' })));
  });

  it('knows LLM, NLP and data science', async () => {
    const popup = await open(extensionPage(h, 'popup.html'));
    await expect.poll(() => popup.getByText('No profile for this site.').isVisible()).toBe(true);
    await popup.getByRole('searchbox', { name: 'Search companies' }).fill('LLM');
    await expect.poll(() => popupResults(popup)).toEqual(
      expect.arrayContaining([
        { name: 'Hugging Face', why: 'tools Transformers, Text Generation Inference' },
        { name: 'OpenAI', why: 'tool tiktoken' },
        { name: 'LinkedIn', why: 'tool Liger Kernel' },
      ]),
    );
    await popup.getByRole('searchbox', { name: 'Search companies' }).fill('nlp');
    await expect.poll(() => popupResults(popup)).toEqual(expect.arrayContaining([{ name: 'Hugging Face', why: 'tool Transformers' }]));
    await popup.getByRole('searchbox', { name: 'Search companies' }).fill('data science');
    await expect.poll(() => popupResults(popup)).toEqual(expect.arrayContaining([{ name: 'Stripe', why: 'tools scikit-learn, pandas, Jupyter' }]));
  });
});

describe('options', () => {
  it('exports the settings to a file and imports them back; a bad file changes nothing', async () => {
    await setSettings(h, { disabledSites: ['nasa'], showMode: 'every-load', position: 'top-left', autoHideSeconds: 30, makeRoomBy: 'close', theme: 'dark' });
    const options = await open(extensionPage(h, 'options.html'));
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export settings' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toEqual({
      format: 'python-inside-settings',
      version: 2,
      settings: { disabledSites: ['nasa'], showMode: 'every-load', position: 'top-left', autoHideSeconds: 30, makeRoomBy: 'close', theme: 'dark' },
    });

    const dir = mkdtempSync(join(tmpdir(), 'pi-settings-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "format": "python-inside-settings", "version": 1, "settings": { "showMode": "always" } }');
    await options.getByLabel('Import settings…').setInputFiles(bad);
    await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/^The file was not imported: disabledSites must be a list/);
    expect((await storedSettings(h)).position).toBe('top-left');

    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ ...exported, settings: { ...exported.settings, disabledSites: ['youtube'], position: 'bottom-left' } }));
    await options.getByLabel('Import settings…').setInputFiles(good);
    await waitForSettings(h, (s) => s.position === 'bottom-left' && s.disabledSites.join() === 'youtube');
    expect(await options.getByRole('status').filter({ hasText: 'Imported' }).textContent()).toBe('Imported the settings from good.json.');
    expect(await options.getByRole('checkbox', { name: 'YouTube', exact: true }).isChecked()).toBe(false);
  });

  it('lists every company with a native checkbox; turning a site off stops the card, turning it on restores it', async () => {
    const options = await open(extensionPage(h, 'options.html'));
    const box = options.getByRole('checkbox', { name: 'YouTube', exact: true });
    await expect.poll(() => box.isChecked()).toBe(true);
    expect(await options.getByRole('region', { name: 'Sites' }).getByRole('checkbox').count()).toBe(PROFILES.length);
    // How recent the data is, as a date a person reads (not the dataset's hash).
    const newest = PROFILES.map((p) => p.reviewed).sort().at(-1)!;
    const date = new Date(`${newest}T00:00:00Z`).toLocaleDateString('en', { dateStyle: 'long', timeZone: 'UTC' });
    expect(await options.getByText(`${PROFILES.length} company profiles, the newest reviewed on ${date}.`, { exact: false }).isVisible()).toBe(true);

    const site = await open('https://www.youtube.com/');
    await expect.poll(() => card(site, 'YouTube').isVisible(), { timeout: 10_000 }).toBe(true);

    await options.bringToFront();
    await box.uncheck();
    await waitForSettings(h, (s) => s.disabledSites.join() === 'youtube');
    await expect.poll(() => site.locator('python-inside').count()).toBe(0);
    await site.reload();
    await site.waitForTimeout(1_500);
    expect(await site.locator('python-inside').count()).toBe(0);

    await box.check();
    await waitForSettings(h, (s) => s.disabledSites.length === 0);
    await site.reload();
    await expect.poll(() => card(site, 'YouTube').isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it('filters, disables and enables in bulk, sets behaviour and resets to defaults', async () => {
    const options = await open(extensionPage(h, 'options.html'));
    await options.getByRole('button', { name: 'Disable all' }).click();
    await waitForSettings(h, (s) => s.disabledSites.length === PROFILES.length);
    await options.getByRole('searchbox', { name: 'Filter' }).fill('nasa.gov');
    expect(await options.getByRole('region', { name: 'Sites' }).getByRole('checkbox').count()).toBe(1);
    await options.getByRole('button', { name: 'Enable shown' }).click();
    await waitForSettings(h, (s) => s.disabledSites.length === PROFILES.length - 1 && !s.disabledSites.includes('nasa'));
    // Everything else is off: a covered site gets no card, NASA does.
    const site = await open('https://www.youtube.com/');
    await site.goto('https://www.nasa.gov/');
    await expect.poll(() => card(site, 'NASA').isVisible(), { timeout: 10_000 }).toBe(true);
    await site.goto('https://www.youtube.com/');
    await site.waitForTimeout(1_000);
    expect(await site.locator('python-inside').count()).toBe(0);

    await options.getByRole('radio', { name: 'Never: only from the toolbar button' }).check();
    await waitForSettings(h, (s) => s.showMode === 'never');
    await options.getByRole('combobox', { name: 'Corner' }).selectOption('top-left');
    await options.getByRole('combobox', { name: 'Make room for the page' }).selectOption('0');
    await options.getByRole('combobox', { name: 'The card makes room by' }).selectOption('close');
    await options.getByRole('combobox', { name: 'Card colours' }).selectOption('light');
    await waitForSettings(h, (s) => s.theme === 'light');
    const stored = await h.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
    expect(stored).toMatchObject({ showMode: 'never', position: 'top-left', autoHideSeconds: 0, makeRoomBy: 'close', theme: 'light' });

    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await waitForSettings(h, (s) => s.disabledSites.length === 0 && s.showMode === 'once-per-session');
    await options.getByRole('searchbox', { name: 'Filter' }).fill('');
    expect(await options.getByRole('radio', { name: 'Once per site per browser session' }).isChecked()).toBe(true);
    expect(await storedSettings(h)).toEqual({
      disabledSites: [],
      showMode: 'once-per-session',
      position: 'bottom-right',
      autoHideSeconds: 10,
      makeRoomBy: 'collapse',
      theme: 'page',
    });
    expect(await options.getByRole('combobox', { name: 'Card colours' }).inputValue()).toBe('page');
  });
});

describe('the same search in options and in the grid', () => {
  it('finds a pasted URL and says why each company matched', async () => {
    const options = await open(extensionPage(h, 'options.html'));
    const sites = options.getByRole('region', { name: 'Sites' });
    await expect.poll(() => sites.getByRole('checkbox').count()).toBe(PROFILES.length);
    await options.getByRole('searchbox', { name: 'Filter' }).fill('https://www.reddit.com/r/python');
    await expect.poll(() => sites.getByRole('checkbox').count()).toBe(1);
    expect(await sites.getByRole('listitem').locator('.pi-why').textContent()).toBe('domain reddit.com');
    await options.getByRole('searchbox', { name: 'Filter' }).fill('nlp');
    await expect.poll(() => sites.getByRole('checkbox', { name: 'Hugging Face', exact: true }).isVisible()).toBe(true);
    const row = sites.getByRole('listitem').filter({ has: options.getByRole('checkbox', { name: 'Hugging Face', exact: true }) });
    expect(await row.locator('.pi-why').textContent()).toBe('tool Transformers');

    const browse = await open(extensionPage(h, 'browse.html'));
    await expect.poll(() => browse.getByRole('table').isVisible()).toBe(true);
    await browse.getByRole('searchbox', { name: 'Filter companies' }).fill('www.youtube.com');
    await expect.poll(() => browse.getByRole('status').textContent()).toBe(`1 of ${PROFILES.length} companies`);
    expect(await browse.getByRole('rowheader').locator('.pi-why').textContent()).toBe('domain youtube.com');
    await browse.getByRole('searchbox', { name: 'Filter companies' }).fill('go');
    const goUsers = PROFILES.filter((p) => p.otherLanguages.includes('Go'));
    await expect.poll(() => browse.getByRole('status').textContent()).toBe(`${goUsers.length} of ${PROFILES.length} companies`);
    expect(await browse.getByRole('rowheader').locator('.pi-why').allTextContents()).toEqual(goUsers.map(() => 'uses Go'));
  });
});

describe('a service worker stopped at any moment', () => {
  it('loses no setting and leaves no covered tab without its badge', async () => {
    const site = await open('https://www.instagram.com/');
    const tab = await tabIdOf(h, site);
    const options = await open(extensionPage(h, 'options.html'));
    const box = options.getByRole('checkbox', { name: 'Instagram', exact: true });
    await expect.poll(() => box.isChecked()).toBe(true);
    const stopWorker = async () => {
      const cdp = await h.context.newCDPSession(options);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
    };
    // Stop it right after a change, before it could react.
    await box.uncheck();
    await stopWorker();
    await site.reload();
    h.worker = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker'));
    expect((await storedSettings(h)).disabledSites).toEqual(['instagram']);
    await expect.poll(() => badgeOf(tab)).toEqual({ text: '', title: 'Python Inside is off for Instagram' });

    await box.check();
    await stopWorker();
    await site.reload();
    h.worker = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker'));
    await expect.poll(() => badgeOf(tab)).toEqual({ text: 'Py', title: 'Python at Instagram' });
    expect((await storedSettings(h)).disabledSites).toEqual([]);
  });
});
