// Card injection and the toolbar badge, against in-memory scripting and storage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeDataset } from '@/data/storage/dataset';
import { ensureSeeded } from '@/data/storage/db';
import { setSiteEnabled, updateSettings } from '@/data/settings/store';
import { DEFAULT_SETTINGS, withSiteEnabled, type Settings } from '@/data/settings/shape';
import { badgeFor } from '@/entrypoints/background/badge';
import { cardDue } from '@/entrypoints/background/card/policy';
import { CARD_CLOSE_KEY, CARD_DATA_KEY, DETECTIONS_DATA_KEY } from '@/data/card/handover';
import { JUDGE_SCHEME_KEY } from '@/data/card/leave-card';
import { CARD_SCRIPT, DETECTION_CARD_SCRIPT, offerCard, showCardNow, toggleCard } from '@/entrypoints/background/card/injection';
import { detectOnPage } from '@/entrypoints/background/detection/detector';
import { saveDetections } from '@/entrypoints/background/detection/tab-detections';
import { beginLifetime } from '@/entrypoints/background/card/lifetime';
import { GATE_KEY } from '@/entrypoints/background/card/page-gate';
import { handleMessage } from '@/entrypoints/background/router';
import { djangoOnGunicorn } from '../fixtures/detections';
import { acme, globex } from '../fixtures/profiles';

interface Injection {
  target: { tabId: number };
  files?: string[];
  func?: (...args: unknown[]) => unknown;
  args?: unknown[];
}

/**
 * An in-memory scripting.executeScript that records what was injected where and runs injected functions in this
 * test's document (happy-dom), as the browser runs them in the page; or fails like a closed tab or error page.
 */
function fakeScripting(fail = false) {
  const injected: Injection[] = [];
  const api = {
    executeScript: async (details: Injection) => {
      if (fail) throw new Error('Frame with ID 0 is showing error page');
      injected.push(details);
      return details.func ? [{ result: details.func(...(details.args ?? [])) }] : [];
    },
  };
  (fakeBrowser as unknown as { scripting: typeof api }).scripting = api;
  return injected;
}

const world = globalThis as Record<string, unknown>;
/** A new document in the tab: the isolated world starts empty. */
const newDocument = () => {
  delete world[GATE_KEY];
  delete world[CARD_DATA_KEY];
};
/** The page the tab shows (the gate checks it is the one the card is due on). */
const at = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
/** Offers the card to a tab showing `url`, as the background does when the page has loaded. */
const offerAt = (tabId: number, url: string) => (at(url), offerCard(tabId, url));
/** The document's type and visibility, as the browser reports them. */
function documentIs({ type = 'text/html', visibility = 'visible' }: { type?: string; visibility?: DocumentVisibilityState }) {
  Object.defineProperty(document, 'contentType', { value: type, configurable: true });
  Object.defineProperty(document, 'visibilityState', { value: visibility, configurable: true });
}

/** Whether the browser grants detection's access to all sites (the options page's switch). */
const detectionOn = (granted: boolean) =>
  ((fakeBrowser.permissions as unknown as { contains: () => Promise<boolean> }).contains = async () => granted);

const companies = [acme, globex];
const settings = (change: (s: Settings) => Settings = (s) => s) => change({ ...DEFAULT_SETTINGS });

describe('offering the card after load', () => {
  let injected: Injection[];
  beforeEach(() => {
    injected = fakeScripting();
    newDocument();
    documentIs({});
  });
  afterEach(() => {
    newDocument();
    documentIs({});
  });

  it('hands a covered, visible page its card, and touches no other page', async () => {
    expect(await offerAt(7, 'https://music.youtube.com/watch?v=1')).toBe(true);
    // The gate, then the card's content into the extension's isolated world, then the script that draws it.
    const [gate, data, script] = injected;
    expect(gate).toMatchObject({ target: { tabId: 7 }, args: [GATE_KEY, 'music.youtube.com', ['text/html', 'application/xhtml+xml'], { type: 'card:visible' }] });
    expect(data).toMatchObject({ target: { tabId: 7 }, args: [CARD_DATA_KEY, JUDGE_SCHEME_KEY, GATE_KEY, CARD_CLOSE_KEY, expect.any(Array), 'music.youtube.com', { show: true, company: { id: 'youtube' } }] });
    expect(world[CARD_DATA_KEY]).toMatchObject({ company: { name: 'YouTube' } });
    expect(script).toEqual(expect.objectContaining({ target: { tabId: 7 }, files: [CARD_SCRIPT] }));
    for (const url of [undefined, 'https://example.org/', 'https://notyoutube.com/', 'file:///youtube.com', 'chrome://settings/']) {
      expect(await offerCard(8, url), String(url)).toBe(false);
    }
    expect(injected).toHaveLength(3);
  });

  it('offers one document the card once, however often it is asked', async () => {
    await updateSettings((s) => ({ ...s, showMode: 'every-load' }));
    expect(await offerAt(7, 'https://www.youtube.com/')).toBe(true);
    expect(await offerAt(7, 'https://www.youtube.com/watch?v=2')).toBe(false); // a single-page site's new URL
    expect(injected.filter((i) => i.files)).toHaveLength(1);
    newDocument();
    expect(await offerAt(7, 'https://www.youtube.com/')).toBe(true); // every load: a new document, a new card
  });

  it('spends a once-per-session showing only when it is handed over, unless set to show on every load', async () => {
    expect(await offerAt(7, 'https://www.reddit.com/')).toBe(true);
    newDocument();
    expect(await offerAt(7, 'https://old.reddit.com/')).toBe(false);
    expect(await cardDue('www.reddit.com')).toEqual({ show: false, reason: 'already-shown' });
    expect(injected).toHaveLength(3); // nothing at all went to the second page
    await updateSettings((s) => ({ ...s, showMode: 'every-load' }));
    expect(await offerAt(7, 'https://old.reddit.com/')).toBe(true);
  });

  it('injects nothing on a turned-off site or when the card is set to never show on its own', async () => {
    await setSiteEnabled('netflix', false);
    expect(await offerAt(7, 'https://www.netflix.com/')).toBe(false);
    await updateSettings((s) => ({ ...s, showMode: 'never' }));
    expect(await offerAt(7, 'https://www.spotify.com/')).toBe(false);
    expect(injected).toEqual([]);
  });

  it('spends nothing on a page that failed to load or a tab that went away', async () => {
    fakeScripting(true);
    expect(await offerAt(7, 'https://www.dropbox.com/')).toBe(false);
    expect(await cardDue('www.dropbox.com')).toMatchObject({ show: true });
  });

  it.each(['application/pdf', 'image/png', 'video/mp4', 'application/json', 'text/plain', 'image/svg+xml', 'application/xml'])(
    'draws no card on a %s document and spends nothing',
    async (type) => {
      documentIs({ type });
      expect(await offerAt(7, 'https://www.dropbox.com/s/file')).toBe(false);
      expect(injected.filter((i) => i.files)).toEqual([]);
      expect(await cardDue('www.dropbox.com')).toMatchObject({ show: true });
    },
  );

  it('waits for a hidden tab to be shown, then draws the card and only then spends the showing', async () => {
    documentIs({ visibility: 'hidden' });
    const sent: unknown[] = [];
    // The page side's extension API (Chrome's `chrome`; Firefox's `browser` comes first where it exists).
    const realBrowser = world.browser;
    world.browser = undefined;
    world.chrome = { runtime: { sendMessage: async (m: unknown) => void sent.push(m) } };
    try {
      expect(await offerAt(7, 'https://www.spotify.com/')).toBe(false);
      expect(injected).toHaveLength(1); // the gate alone
      expect(await cardDue('open.spotify.com')).toMatchObject({ show: true });

      documentIs({ visibility: 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(sent).toEqual([{ type: 'card:visible' }]);
      // The background receives it from the tab's top frame.
      const sender = { id: fakeBrowser.runtime.id, url: 'https://www.spotify.com/', frameId: 0, tab: { id: 7 } as never };
      expect(await handleMessage(sent[0], sender)).toEqual({ shown: true });
      expect(injected.at(-1)).toMatchObject({ target: { tabId: 7 }, files: [CARD_SCRIPT] });
      expect(await cardDue('open.spotify.com')).toEqual({ show: false, reason: 'already-shown' });
    } finally {
      delete world.chrome;
      world.browser = realBrowser;
    }
  });

  it('waits for a page still loading (found so when the lifetime began), and not for the page a tab is leaving', async () => {
    const sent: unknown[] = [];
    const realBrowser = world.browser;
    world.browser = { runtime: { sendMessage: async (m: unknown) => void sent.push(m) } };
    try {
      at('https://www.youtube.com/old');
      expect(await offerCard(7, 'https://www.reddit.com/r/python')).toBe(false); // not committed yet: the old page
      expect(world[GATE_KEY]).toBeUndefined();

      Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
      expect(await offerAt(7, 'https://www.reddit.com/r/python')).toBe(false);
      expect(sent).toEqual([]);
      Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
      window.dispatchEvent(new Event('load'));
      expect(sent).toEqual([{ type: 'card:visible' }]);
    } finally {
      world.browser = realBrowser;
      Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    }
  });

  it('replaces a card from an earlier lifetime (before an update, a reload, off and on) instead of adding a second', async () => {
    await updateSettings((s) => ({ ...s, showMode: 'every-load' }));
    const old = document.createElement('python-inside');
    old.attachShadow({ mode: 'open' }).innerHTML = '<section class="pi-overlay"></section>';
    document.documentElement.append(old);
    // One that had moved into a modal dialog of the page, on a page that defined <python-inside> itself.
    const dialog = document.body.appendChild(document.createElement('dialog'));
    const inDialog = dialog.appendChild(document.createElement('div'));
    inDialog.dataset.pythonInside = '';
    inDialog.attachShadow({ mode: 'open' }).innerHTML = '<section class="pi-overlay"></section>';
    // A page's own <python-inside> (no card inside) is the page's business.
    const own = document.createElement('python-inside');
    document.documentElement.append(own);
    try {
      expect(await offerAt(7, 'https://www.youtube.com/')).toBe(true);
      expect(old.isConnected).toBe(false);
      expect(inDialog.isConnected).toBe(false);
      expect(own.isConnected).toBe(true);
    } finally {
      old.remove();
      dialog.remove();
      own.remove();
    }
  });

  it('never leaves a card for one site in a page of another (the tab moved on after the claim)', async () => {
    at('https://bitbucket.org/');
    world[GATE_KEY] = 'visible'; // bitbucket.org's own gate already let its page through
    expect(await showCardNow(7, 'www.bankofamerica.com')).toBe(false);
    expect(world[CARD_DATA_KEY]).toBeUndefined();
    expect(await cardDue('www.bankofamerica.com')).toMatchObject({ show: true }); // the showing is given back
  });

  it('gives exactly one of two tabs of one company the once-per-session card', async () => {
    at('https://www.youtube.com/');
    world[GATE_KEY] = 'visible'; // both pages are visible (in this test, one document stands for both tabs)
    const shown = await Promise.all([showCardNow(7, 'www.youtube.com'), showCardNow(8, 'www.youtube.com')]);
    expect(shown.filter(Boolean)).toHaveLength(1);
  });

  it('hands a card only to the document the gate saw: a tab that moved on gets none, and keeps the showing', async () => {
    newDocument(); // no gate ran in this document
    at('https://www.uber.com/');
    expect(await showCardNow(7, 'www.uber.com')).toBe(false);
    expect(await cardDue('www.uber.com')).toMatchObject({ show: true });
  });

  it('ignores a "visible" message from anything but a tab\'s top frame', async () => {
    const frame = { id: fakeBrowser.runtime.id, url: 'https://www.youtube.com/embed/x', frameId: 3, tab: { id: 7 } as never };
    expect(await handleMessage({ type: 'card:visible' }, frame)).toEqual({ shown: false });
    expect(await handleMessage({ type: 'card:visible' }, { id: fakeBrowser.runtime.id, url: 'https://www.youtube.com/' })).toEqual({ shown: false });
    expect(injected).toEqual([]);
  });
});

describe('the first start of a lifetime', () => {
  it('is told from a worker waking up, and forgets the shown cards on a new session but not across an update', async () => {
    const injected = fakeScripting();
    newDocument();
    documentIs({});
    const manifest = vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1.0.0' });
    expect(await beginLifetime()).toBe(true);
    expect(await beginLifetime()).toBe(false); // a worker waking up in the same lifetime
    at('https://www.youtube.com/');
    world[GATE_KEY] = 'visible';
    await showCardNow(7, 'www.youtube.com');
    expect(await cardDue('www.youtube.com')).toEqual({ show: false, reason: 'already-shown' });

    // An update: storage.session is emptied, the version changes, the shown cards stay.
    await fakeBrowser.storage.session.clear();
    manifest.mockReturnValue({ manifest_version: 3, name: 'x', version: '1.0.1' });
    expect(await beginLifetime()).toBe(true);
    expect(await cardDue('www.youtube.com')).toEqual({ show: false, reason: 'already-shown' });

    // A new browser session (same version): the shown cards are forgotten.
    await fakeBrowser.storage.session.clear();
    expect(await beginLifetime()).toBe(true);
    expect(await cardDue('www.youtube.com')).toMatchObject({ show: true });
    expect(injected.filter((i) => i.files)).toHaveLength(1);
    newDocument();
  });
});

describe('the keyboard shortcut', () => {
  it('asks the card script to toggle on a covered page, even where the card would not show by itself', async () => {
    const injected = fakeScripting();
    await updateSettings((s) => ({ ...s, showMode: 'never', disabledSites: ['youtube'], position: 'top-left' }));
    at('https://www.youtube.com/watch');
    expect(await toggleCard(7, 'https://www.youtube.com/watch')).toBe(true);
    expect(injected[0]).toMatchObject({
      args: [CARD_DATA_KEY, JUDGE_SCHEME_KEY, GATE_KEY, CARD_CLOSE_KEY, expect.any(Array), 'www.youtube.com', { show: true, request: 'toggle', company: { id: 'youtube' }, behaviour: { position: 'top-left' } }],
    });
    expect(injected[1]).toMatchObject({ target: { tabId: 7 }, files: [CARD_SCRIPT] });
  });

  it('does nothing on a page no profile covers while detection is off', async () => {
    const injected = fakeScripting();
    detectionOn(false);
    expect(await toggleCard(7, 'https://example.org/')).toBe(false);
    expect(await toggleCard(7, undefined)).toBe(false);
    expect(injected).toEqual([]);
  });

  it('says so where the card cannot go (an error page, a page that refuses extensions)', async () => {
    fakeScripting(true);
    expect(await toggleCard(7, 'https://www.youtube.com/')).toBe(false);
  });
});

describe('"Show the card here" from the popup', () => {
  const popup = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });

  it('shows the card on the tab the popup names, as the page the tab shows now, whatever the settings say', async () => {
    const injected = fakeScripting();
    await updateSettings((s) => ({ ...s, showMode: 'never', disabledSites: ['youtube'] }));
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.youtube.com/watch' });
    at('https://www.youtube.com/watch');
    expect(await handleMessage({ type: 'card:show', tabId: tab.id! }, popup())).toEqual({ shown: true });
    expect(injected[0]).toMatchObject({ target: { tabId: tab.id }, args: [CARD_DATA_KEY, JUDGE_SCHEME_KEY, GATE_KEY, CARD_CLOSE_KEY, expect.any(Array), 'www.youtube.com', { show: true, request: 'show', company: { id: 'youtube' } }] });
    expect(injected[1]).toMatchObject({ target: { tabId: tab.id }, files: [CARD_SCRIPT] });
    // Asking for the card spends nothing: the card still comes by itself once the settings allow it.
    await updateSettings((s) => ({ ...s, showMode: 'once-per-session', disabledSites: [] }));
    expect(await cardDue('www.youtube.com')).toMatchObject({ show: true });
  });

  it('answers shown: false for a tab no profile covers, a tab that has gone, or a page the card cannot reach', async () => {
    const injected = fakeScripting();
    const elsewhere = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    expect(await handleMessage({ type: 'card:show', tabId: elsewhere.id! }, popup())).toEqual({ shown: false });
    expect(await handleMessage({ type: 'card:show', tabId: 999_999 }, popup())).toEqual({ shown: false });
    expect(injected).toEqual([]);
    fakeScripting(true);
    const covered = await fakeBrowser.tabs.create({ url: 'https://www.reddit.com/' });
    expect(await handleMessage({ type: 'card:show', tabId: covered.id! }, popup())).toEqual({ shown: false });
  });

  it('is refused from anything but the extension\'s own pages (the card in a page has no business with other tabs)', async () => {
    const injected = fakeScripting();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.youtube.com/' });
    const contentScript = { id: fakeBrowser.runtime.id, url: 'https://www.youtube.com/', tab: { id: tab.id } as never };
    await expect(handleMessage({ type: 'card:show', tabId: tab.id! }, contentScript)).rejects.toThrow(/only from its own pages/);
    await expect(handleMessage({ type: 'card:show', tabId: '1' }, popup())).rejects.toThrow(/tabId must be a number/);
    expect(injected).toEqual([]);
  });
});

describe('the detection card: only when asked for, only where detection found something', () => {
  const popup = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
  const page = 'https://shop.example.org/login';
  let injected: Injection[];
  let tabId: number;
  beforeEach(async () => {
    injected = fakeScripting();
    newDocument();
    documentIs({});
    detectionOn(true);
    tabId = (await fakeBrowser.tabs.create({ url: page })).id!;
    at(page);
  });
  afterEach(() => delete world[DETECTIONS_DATA_KEY]);

  it('the shortcut hands the page what was found and the card behaviour, then the detection card\'s own script', async () => {
    await saveDetections(tabId, { url: page, detections: djangoOnGunicorn });
    await updateSettings((s) => ({ ...s, position: 'top-left', showMode: 'never' }));
    expect(await toggleCard(tabId, page)).toBe(true);
    expect(injected[0]).toMatchObject({
      target: { tabId },
      args: [DETECTIONS_DATA_KEY, JUDGE_SCHEME_KEY, GATE_KEY, CARD_CLOSE_KEY, expect.any(Array), 'shop.example.org', { detections: djangoOnGunicorn, request: 'toggle', behaviour: { position: 'top-left' } }],
    });
    expect(injected[1]).toEqual(expect.objectContaining({ target: { tabId }, files: [DETECTION_CARD_SCRIPT] }));
    // Not the profile card's script: covered pages' overlay.js carries none of the detection card.
    expect(injected.flatMap((i) => i.files ?? [])).not.toContain(CARD_SCRIPT);
    expect(world[CARD_DATA_KEY]).toBeUndefined();
  });

  it('"Show on page" in the popup shows it on the tab it names, as the page the tab shows now', async () => {
    await saveDetections(tabId, { url: page, detections: djangoOnGunicorn });
    expect(await handleMessage({ type: 'detection:show', tabId }, popup())).toEqual({ shown: true });
    expect(world[DETECTIONS_DATA_KEY]).toMatchObject({ request: 'show', detections: [{ name: 'Django' }, { name: 'Gunicorn' }] });
    expect(injected.at(-1)).toMatchObject({ target: { tabId }, files: [DETECTION_CARD_SCRIPT] });
  });

  it('never comes by itself: detecting and the page\'s load inject no card', async () => {
    // The detector reads a Django page (its cookies in the isolated world, no globals in the page's own).
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      executeScript: async (details: Injection & { world?: string }) => {
        injected.push(details);
        return [{ result: details.world === 'MAIN' ? [] : { elements: [], metas: [], cookies: ['csrftoken', 'django_language'] } }];
      },
    };
    expect((await detectOnPage(tabId, page))?.map((d) => d.name)).toEqual(['Django']);
    expect(await offerCard(tabId, page)).toBe(false);
    expect(injected.length).toBeGreaterThan(0); // the detector looked at the page
    expect(injected.filter((i) => i.files)).toEqual([]);
    expect(world[DETECTIONS_DATA_KEY]).toBeUndefined();
  });

  it('does nothing while detection is off, even with findings still stored', async () => {
    await saveDetections(tabId, { url: page, detections: djangoOnGunicorn });
    detectionOn(false);
    expect(await toggleCard(tabId, page)).toBe(false);
    expect(await handleMessage({ type: 'detection:show', tabId }, popup())).toEqual({ shown: false });
    expect(injected).toEqual([]);
  });

  it('does nothing where nothing was found, the page was not checked, or the findings are another page\'s', async () => {
    expect(await toggleCard(tabId, page)).toBe(false); // not checked
    await saveDetections(tabId, { url: page, detections: [] });
    expect(await toggleCard(tabId, page)).toBe(false);
    await saveDetections(tabId, { url: 'https://shop.example.org/old', detections: djangoOnGunicorn });
    expect(await toggleCard(tabId, page)).toBe(false);
    expect(await handleMessage({ type: 'detection:show', tabId }, popup())).toEqual({ shown: false });
    expect(injected).toEqual([]);
  });

  it('each button shows its own card: "Show on page" never a profile, "Show the card here" never detections', async () => {
    await saveDetections(tabId, { url: page, detections: djangoOnGunicorn });
    expect(await handleMessage({ type: 'card:show', tabId }, popup())).toEqual({ shown: false });
    const covered = await fakeBrowser.tabs.create({ url: 'https://www.youtube.com/' });
    expect(await handleMessage({ type: 'detection:show', tabId: covered.id! }, popup())).toEqual({ shown: false });
    expect(injected).toEqual([]);
  });

  it('"Show on page" is refused from anything but the extension\'s own pages, and checked like every message', async () => {
    await saveDetections(tabId, { url: page, detections: djangoOnGunicorn });
    const contentScript = { id: fakeBrowser.runtime.id, url: page, tab: { id: tabId } as never };
    await expect(handleMessage({ type: 'detection:show', tabId }, contentScript)).rejects.toThrow(/detection:show comes only from its own pages/);
    await expect(handleMessage({ type: 'detection:show', tabId: '1' }, popup())).rejects.toThrow(/tabId must be a number/);
    await expect(handleMessage({ type: 'detection:show' }, popup())).rejects.toThrow(/missing field "tabId"/);
    await expect(handleMessage({ type: 'detection:show', tabId, detections: [] }, popup())).rejects.toThrow(/unexpected field "detections"/);
    expect(injected).toEqual([]);
  });
});

describe('badge', () => {
  beforeEach(async () => {
    await ensureSeeded(makeDataset(companies));
  });

  it('shows "Py" and "Python at {name}" on covered, enabled pages only', async () => {
    expect(await badgeFor('https://shop.acme.test/cart', settings())).toEqual({ text: 'Py', title: 'Python at Acme' });
    expect(await badgeFor('https://example.org/', settings())).toEqual({ text: '', title: 'Python Inside: how the company behind this site uses Python' });
    expect(await badgeFor(undefined, settings())).toEqual({ text: '', title: 'Python Inside: how the company behind this site uses Python' });
    expect(await badgeFor('https://acme.test/', settings((s) => withSiteEnabled(s, 'acme', false)))).toEqual({
      text: '',
      title: 'Python Inside is off for Acme',
    });
  });

  it('reads settings only for pages that match a company', async () => {
    const load = vi.fn(async () => settings());
    await badgeFor('https://example.org/', load);
    await badgeFor(undefined, load);
    expect(load).not.toHaveBeenCalled();
    expect(await badgeFor('https://acme.test/', load)).toEqual({ text: 'Py', title: 'Python at Acme' });
    expect(load).toHaveBeenCalledOnce();
  });
});
