/**
 * Scenarios shared by the Chromium (Playwright) and Firefox (Puppeteer over WebDriver BiDi) suites: each
 * browser supplies a small driver, the scenarios are written once. Interactions go through the page's own DOM
 * (element.click() in the page), so both tools drive them the same way.
 */
import { expect } from 'vitest';

export interface Tab {
  goto(url: string): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

export interface Driver {
  browserName: 'chromium' | 'firefox';
  openTab(): Promise<Tab>;
  extensionUrl(path: string): string;
}

/** The accessible name of the card on the page ("Python at YouTube"), or null; looks inside our shadow root. */
export const cardName = (tab: Tab) =>
  tab.evaluate(() => {
    const host = document.querySelector('python-inside, [data-python-inside]');
    return host?.shadowRoot?.querySelector('[role="region"]')?.getAttribute('aria-label') ?? null;
  }, null);

export async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Runs code in an extension page (it has the extension APIs): settings, tab ids. */
async function inExtension<T, A>(d: Driver, fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
  const tab = await d.openTab();
  try {
    await tab.goto(d.extensionUrl('options.html'));
    return await tab.evaluate(fn, arg);
  } finally {
    await tab.close();
  }
}

export const setSettings = (d: Driver, settings: Record<string, unknown>) =>
  inExtension(
    d,
    async (s) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage.local.remove('shownCompanies'); // no card shown yet this session
      await api.storage.sync.set({ settings: { disabledSites: [], showMode: 'every-load', position: 'bottom-right', autoHideSeconds: 0, ...s } });
    },
    settings,
  );

const storedSettings = (d: Driver) =>
  inExtension(
    d,
    async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.storage.sync.get('settings')).settings as { disabledSites: string[] };
    },
    null,
  );

/** The id of the tab showing a URL that contains `part`, asked of the extension (tests only know their pages). */
const tabIdShowing = (d: Driver, part: string) =>
  inExtension(
    d,
    async (p) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.tabs.query({})).find((t) => t.url?.includes(p))?.id;
    },
    part,
  );

/** Text of the popup once it has drawn the card for a covered tab. */
async function popupForCoveredTab(d: Driver, tabId: number, company: string): Promise<Tab> {
  const popup = await d.openTab();
  await popup.goto(d.extensionUrl(`popup.html?tab=${tabId}`));
  await waitFor(() => popup.evaluate(() => document.querySelector('h2')?.textContent ?? null, null), (h) => h === company, 'popup heading');
  return popup;
}

/** Clicks a button of the popup by its text, once it is there; says whether it was found. */
const clickInPopup = (popup: Tab, label: string) =>
  waitFor(
    () =>
      popup.evaluate((text) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
        button?.click();
        return !!button;
      }, label),
    (found) => found,
    `popup button "${label}"`,
  );

export const scenarios = {
  async cardOnCoveredSites(d: Driver) {
    const tab = await d.openTab();
    for (const [url, name] of [
      // One page per company: with the default settings a company's card shows once per session.
      ['https://youtu.be/dQw4w9WgXcQ', 'YouTube'],
      ['https://open.spotify.com/', 'Spotify'],
      ['https://www.google.de/search?q=python', 'Google'],
      ['https://www.netflix.com/', 'Netflix'],
    ]) {
      await tab.goto(url!);
      await waitFor(() => cardName(tab), (n) => n === `Python at ${name}`, `card on ${url}`);
    }
    await tab.close();
  },

  async noCardElsewhere(d: Driver) {
    const tab = await d.openTab();
    for (const url of ['https://example.org/', 'https://notyoutube.com/', 'https://youtube.com.example.org/']) {
      await tab.goto(url);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await cardName(tab), url).toBeNull();
    }
    // Control in the same tab: a covered page does get the card, so the wait above was long enough.
    await tab.goto('https://www.reddit.com/');
    await waitFor(() => cardName(tab), (n) => n === 'Python at Reddit', 'control card');
    await tab.close();
  },

  /** The card's own switch: "Don't show on this site" removes it for good (reload: none), Undo brings it back. */
  async cardTurnsItsSiteOff(d: Driver) {
    const tab = await d.openTab();
    await tab.goto('https://www.uber.com/');
    await waitFor(() => cardName(tab), (n) => n === 'Python at Uber', 'card on uber.com');
    const press = (label: string) =>
      tab.evaluate((text) => {
        const root = document.querySelector('python-inside, [data-python-inside]')!.shadowRoot!;
        [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!.click();
      }, label);
    await press("Don't show on this site");
    await waitFor(() => tab.evaluate(() => document.querySelector('python-inside, [data-python-inside]')?.shadowRoot?.textContent ?? '', null), (t) => t.includes('The card is off for Uber'), 'undo note');
    await tab.goto('https://www.uber.com/ride');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await cardName(tab)).toBeNull();
    await tab.close();
  },

  async popupShowsTheTabsCompany(d: Driver) {
    const site = await d.openTab();
    await site.goto('https://www.dropbox.com/');
    const tabId = await inExtension(
      d,
      async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return (await api.tabs.query({})).find((t) => t.url?.includes('dropbox.com'))?.id;
      },
      null,
    );
    expect(tabId).toBeTypeOf('number');
    const popup = await d.openTab();
    await popup.goto(d.extensionUrl(`popup.html?tab=${tabId}`));
    await waitFor(() => popup.evaluate(() => document.querySelector('h2')?.textContent ?? null, null), (h) => h === 'Dropbox', 'popup heading');
    // Elsewhere: no profile, and the list searches by tool.
    await popup.goto(d.extensionUrl('popup.html'));
    await waitFor(() => popup.evaluate(() => document.body.textContent ?? '', null), (t) => t.includes('No profile for this site.'), 'no profile');
    const found = await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      input.value = 'Django';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return new Promise<string[]>((r) => setTimeout(() => r([...document.querySelectorAll('.pi-company-name')].map((e) => e.textContent ?? '')), 200));
    }, null);
    expect(found).toContain('Instagram');
    expect(found).not.toContain('Netflix');
    await popup.close();
    await site.close();
  },

  async optionsTurnASiteOffAndOn(d: Driver) {
    await setSettings(d, {}); // the card on every load, so it can come back on the same site
    const options = await d.openTab();
    await options.goto(d.extensionUrl('options.html'));
    const toggle = (name: string) =>
      options.evaluate((label) => {
        const box = [...document.querySelectorAll<HTMLLabelElement>('.pi-site-list label')].find((l) => l.textContent === label);
        document.getElementById(box!.htmlFor)!.click();
      }, name);
    await waitFor(() => options.evaluate(() => document.querySelectorAll('.pi-site-list input').length, null), (n) => n > 30, 'site list');
    await toggle('YouTube');
    await waitFor(() => storedSettings(d), (s) => s.disabledSites.includes('youtube'), 'youtube off');
    const site = await d.openTab();
    await site.goto('https://www.youtube.com/');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await cardName(site)).toBeNull();
    await toggle('YouTube');
    await waitFor(() => storedSettings(d), (s) => !s.disabledSites.includes('youtube'), 'youtube on');
    await site.goto('https://www.youtube.com/watch');
    await waitFor(() => cardName(site), (n) => n === 'Python at YouTube', 'card back');
    await site.close();
    await options.close();
  },
  /**
   * The browser really assigned the suggested shortcut (Chromium leaves a suggestion that is one of its own
   * accelerators unset), and the popup on a covered tab names the key the browser reports.
   */
  async shortcutIsAssigned(d: Driver) {
    const { shortcut, suggested } = await inExtension(
      d,
      async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const command = (await api.commands.getAll()).find((c) => c.name === 'toggle-card');
        const suggested = api.runtime.getManifest().commands?.['toggle-card']?.suggested_key;
        return { shortcut: command?.shortcut ?? null, suggested: typeof suggested === 'object' ? suggested.default : suggested };
      },
      null,
    );
    expect(shortcut, 'commands.getAll(): toggle-card').toBeTruthy();
    expect(shortcut).toBe(suggested);

    const site = await d.openTab();
    await site.goto('https://www.airbnb.com/');
    const tabId = await tabIdShowing(d, 'airbnb.com');
    const popup = await popupForCoveredTab(d, tabId!, 'Airbnb');
    const hint = await waitFor(
      () => popup.evaluate(() => document.querySelector('kbd')?.textContent ?? null, null),
      (text) => text !== null,
      'the shortcut named in the popup',
    );
    expect(hint).toBe(shortcut);
    await popup.close();
    await site.close();
  },

  /**
   * "Show the card here" in the popup brings the card onto its tab where it would not show by itself: with the
   * card set to never show, and again after the card was shown and closed on that page.
   */
  async popupShowsTheCardHere(d: Driver) {
    await setSettings(d, { showMode: 'never' });
    const site = await d.openTab();
    await site.goto('https://www.instagram.com/');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await cardName(site), 'no card by itself').toBeNull();
    const tabId = await tabIdShowing(d, 'instagram.com');
    expect(tabId).toBeTypeOf('number');

    for (const round of ['set to never', 'after the card was closed']) {
      const popup = await popupForCoveredTab(d, tabId!, 'Instagram');
      await clickInPopup(popup, 'Show the card here');
      await waitFor(() => cardName(site), (n) => n === 'Python at Instagram', `card from the popup, ${round}`);
      await popup.close().catch(() => undefined); // the popup closes itself once the card is shown
      await site.evaluate(() => {
        const root = document.querySelector('python-inside, [data-python-inside]')!.shadowRoot!;
        root.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
      }, null);
      await waitFor(() => cardName(site), (n) => n === null, 'card closed');
    }
    await site.close();
  },
};
