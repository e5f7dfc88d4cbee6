/**
 * Scenarios shared by the Chromium (Playwright) and Firefox (Puppeteer over WebDriver BiDi) suites: each
 * browser supplies a small driver, the scenarios are written once. Most interactions go through the page's own
 * DOM (element.click() in the page), so both tools drive them the same way; where what matters is whether a
 * person could do it (a modal dialog makes the rest of the page inert to the mouse and keyboard, not to
 * element.click()), they use the browser's real mouse and keyboard.
 */
import { expect } from 'vitest';

export interface Tab {
  goto(url: string): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** A real mouse click at a point of the viewport: the browser decides what it hits. */
  click(x: number, y: number): Promise<void>;
  /** A real key press, to whatever has focus. */
  press(key: 'Tab' | 'Enter' | 'Escape'): Promise<void>;
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

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** The viewport box of the card (null: no card), or of its control named `label` (aria-label, or text not hidden). */
const cardRect = (tab: Tab, label: string | null = null) =>
  tab.evaluate((name) => {
    const root = document.querySelector('python-inside, [data-python-inside]')?.shadowRoot;
    const nameOf = (b: Element) =>
      b.getAttribute('aria-label') ?? [...b.childNodes].map((n) => (n instanceof Element && n.ariaHidden ? '' : n.textContent)).join('').trim();
    const el = name ? [...(root?.querySelectorAll('button') ?? [])].find((b) => nameOf(b) === name) : root?.querySelector('[role="region"]');
    return el ? (el.getBoundingClientRect().toJSON() as Rect) : null;
  }, label);

/** A real click in the middle of the card's control named `label`. */
async function clickInCard(tab: Tab, label: string) {
  const box = await cardRect(tab, label);
  if (!box) throw new Error(`No "${label}" in the card`);
  await tab.click(box.left + box.width / 2, box.top + box.height / 2);
}

const viewport = (tab: Tab) => tab.evaluate(() => ({ width: innerWidth, height: innerHeight }), null);

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
      await api.storage.sync.set({
        settings: { disabledSites: [], showMode: 'every-load', position: 'bottom-right', autoHideSeconds: 0, makeRoomBy: 'collapse', theme: 'page', ...s },
      });
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

  /**
   * A modal <dialog> of the page, opened before or after the card appears: the card stays above it and takes a
   * real click on ×; by keyboard, Tab leads from the dialog into the card and Escape there closes only the card.
   */
  async cardAboveModalDialog(d: Driver) {
    await setSettings(d, {});
    const tab = await d.openTab();
    const dialogOpen = () => tab.evaluate(() => document.querySelector('dialog')!.open, null);
    const showModal = () => tab.evaluate(() => document.querySelector('dialog')!.showModal(), null);
    for (const when of ['before', 'after']) {
      await tab.goto(`https://www.youtube.com/hostile/modal-dialog${when === 'before' ? '?open' : ''}`);
      await waitFor(() => cardName(tab), (n) => n === 'Python at YouTube', `card with a dialog opened ${when}`);
      if (when === 'after') await showModal();
      expect(await dialogOpen()).toBe(true);
      await clickInCard(tab, 'Close');
      await waitFor(() => cardName(tab), (n) => n === null, `× clicked, dialog opened ${when}`);
      expect(await dialogOpen()).toBe(true);
    }
    await tab.goto('https://www.youtube.com/hostile/modal-dialog');
    await waitFor(() => cardName(tab), (n) => n === 'Python at YouTube', 'card');
    await showModal();
    const focusInCard = () => tab.evaluate(() => document.querySelector('python-inside')?.shadowRoot?.activeElement?.tagName ?? null, null);
    for (let i = 0; i < 6 && !(await focusInCard()); i++) await tab.press('Tab');
    expect(await focusInCard()).toBe('BUTTON');
    await tab.press('Escape');
    await waitFor(() => cardName(tab), (n) => n === null, 'Escape in the card');
    expect(await dialogOpen()).toBe(true);
    await tab.close();
  },

  /** The compact form, with the real mouse: shrink to the tab at the side of the window, and open again. */
  async cardShrinksToATab(d: Driver) {
    await setSettings(d, {});
    const tab = await d.openTab();
    await tab.goto('https://www.uber.com/hostile/corner-controls');
    await waitFor(() => cardName(tab), (n) => n === 'Python at Uber', 'card');
    await clickInCard(tab, 'Shrink to a tab');
    const small = await waitFor(() => cardRect(tab), (r) => !!r && r.height < 48, 'the tab');
    const { width, height } = await viewport(tab);
    expect(small!.right).toBe(width); // flush with the side of the window, halfway up, clear of the corners
    expect(Math.abs((small!.top + small!.bottom) / 2 - height / 2)).toBeLessThan(24);
    expect(small!.width).toBeLessThan(200);
    // The cookie banner's button in the corner takes the page's own click again.
    const accept = await tab.evaluate(() => document.getElementById('accept-all')!.getBoundingClientRect().toJSON() as Rect, null);
    await tab.click(accept.left + accept.width / 2, accept.top + accept.height / 2);
    expect(await tab.evaluate(() => (window as unknown as { clicks: string[] }).clicks, null)).toEqual(['accept-all']);
    await clickInCard(tab, 'Uber');
    await waitFor(() => cardRect(tab), (r) => !!r && r.height > 200, 'the card again');
    await tab.close();
  },

  /**
   * "Show all" with the real mouse: the full profile, which a second script brings only now, replaces the digest
   * with every source, and focus stays in the card, on the part that holds it.
   */
  async cardShowsTheFullProfile(d: Driver) {
    await setSettings(d, {});
    const tab = await d.openTab();
    await tab.goto('https://www.spotify.com/');
    await waitFor(() => cardName(tab), (n) => n === 'Python at Spotify', 'card');
    const count = (selector: string) =>
      tab.evaluate((sel) => document.querySelector('python-inside, [data-python-inside]')!.shadowRoot!.querySelectorAll(sel).length, selector);
    expect(await count('.pi-sources')).toBe(0);
    const showAll = await tab.evaluate(() => {
      const root = document.querySelector('python-inside, [data-python-inside]')!.shadowRoot!;
      return [...root.querySelectorAll('button')].map((b) => b.textContent!.trim()).find((text) => text.startsWith('Show all')) ?? '';
    }, null);
    const [, uses, sources] = /^Show all (\d+) uses and (\d+) sources$/.exec(showAll) ?? [];
    expect(sources, showAll).toBeDefined();
    await clickInCard(tab, showAll);
    await waitFor(() => count('.pi-sources li'), (n) => n === Number(sources), 'every source');
    expect(await count('.pi-use')).toBe(Number(uses));
    const focus = await tab.evaluate(() => document.querySelector('python-inside, [data-python-inside]')!.shadowRoot!.activeElement?.getAttribute('aria-label'), null);
    expect(focus).toBe('All about Spotify');
    await tab.close();
  },

  /** CSS zoom on the page's <html> does not grow the card out of the window. */
  async cardUnderPageZoom(d: Driver) {
    await setSettings(d, {});
    const tab = await d.openTab();
    await tab.goto('https://www.netflix.com/hostile/zoom-html');
    await waitFor(() => cardName(tab), (n) => n === 'Python at Netflix', 'card');
    const box = (await cardRect(tab))!;
    const { width, height } = await viewport(tab);
    expect(Math.round(box.width)).toBe(Math.min(380, width - 32));
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(Math.round(box.right)).toBe(width - 16);
    expect(Math.round(box.bottom)).toBe(height - 16);
    await clickInCard(tab, 'Close');
    await waitFor(() => cardName(tab), (n) => n === null, '× clicked');
    await tab.close();
  },

  /** "Match the page" (the default): a dark site gets a dark card, whatever the system prefers. */
  async cardMatchesADarkPage(d: Driver) {
    await setSettings(d, {});
    const tab = await d.openTab();
    await tab.goto('https://www.reddit.com/hostile/dark-background');
    await waitFor(() => cardName(tab), (n) => n === 'Python at Reddit', 'card');
    const luminance = await tab.evaluate(() => {
      const region = document.querySelector('python-inside')!.shadowRoot!.querySelector('[role="region"]')!;
      const [r, g, b] = getComputedStyle(region).backgroundColor.match(/[\d.]+/g)!.map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    }, null);
    expect(luminance).toBeLessThan(0.2);
    await tab.close();
  },
};
