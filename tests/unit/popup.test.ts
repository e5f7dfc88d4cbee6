// The popup's one message (popup:open), what it reads itself, and what it draws, against the fake browser.
import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askPopupView } from '@/components/popup/opening';
import { drawPopup } from '@/components/popup/popup-page';
import { packaged } from './helpers/packaged';
import { getSettings, setSiteEnabled } from '@/data/settings/store';
import { handleMessage } from '@/entrypoints/background/router';
import { saveDetections } from '@/entrypoints/background/detection/tab-detections';
import { djangoOnGunicorn } from '../fixtures/detections';

const self = { url: fakeBrowser.runtime.getURL('/popup.html'), id: fakeBrowser.runtime.id };
const ask = (message: unknown) => handleMessage(message, self);

beforeEach(() => {
  // Detection is off; the browser assigned the card's shortcut no key.
  (fakeBrowser.permissions as unknown as { contains: () => Promise<boolean> }).contains = async () => false;
  (fakeBrowser.commands as unknown as { getAll: () => Promise<unknown[]> }).getAll = async () => [];
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('popup:open', () => {
  it('answers a covered tab with its company, and nothing the popup reads itself (settings, every profile)', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://music.youtube.com/watch?v=1' });
    const view = await ask({ type: 'popup:open', tabId: tab.id });
    expect(view).toMatchObject({ tabId: tab.id, company: { id: 'youtube' }, detection: null });
    expect(Object.keys(view as object).sort()).toEqual(['company', 'detection', 'tabId']);
  });

  it('answers any other page with what detection says of it, and no tab with neither', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    expect(await ask({ type: 'popup:open', tabId: tab.id })).toMatchObject({ company: null, detection: { granted: false, checkable: true, detections: null } });
    expect(await ask({ type: 'popup:open', tabId: null })).toMatchObject({ company: null, detection: null });
    // A tab that closed meanwhile.
    expect(await ask({ type: 'popup:open', tabId: tab.id! + 1000 })).toMatchObject({ company: null, detection: { checkable: false } });
  });

  it('takes a tab id or null, nothing else', async () => {
    for (const bad of [{ type: 'popup:open' }, { type: 'popup:open', tabId: '3' }, { type: 'popup:open', tabId: -1 }, { type: 'popup:open', tabId: 1, url: 'x' }]) {
      await expect(ask(bad)).rejects.toThrow(/rejected a message/);
    }
  });
});

describe('the popup', () => {
  /** The popup's messages reach the background's router, as in the browser, and are counted. */
  function answerAsBackground() {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      sent.push(message);
      return handleMessage(message, self);
    });
    return sent;
  }

  /**
   * The popup for a tab, as its page draws it: over the browser's own global, which the extension provides in
   * its pages (here the fake browser).
   */
  function openPopup(tabId: number) {
    vi.stubGlobal('browser', fakeBrowser);
    drawPopup(document.body.appendChild(document.createElement('div')), askPopupView(tabId));
  }

  it('opens with one message, reads whether the card is on itself, and its switch turns the site off through the background', async () => {
    const sent = answerAsBackground();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.dropbox.com/' });
    openPopup(tab.id!);
    const toggle = (await screen.findByRole('switch', { name: "Show the card on Dropbox's sites" })) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(sent).toEqual([{ type: 'popup:open', tabId: tab.id }]);
    fireEvent.click(toggle);
    await vi.waitFor(async () => expect((await getSettings()).disabledSites).toEqual(['dropbox']));
    expect(sent.at(-1)).toEqual({ type: 'site:set-enabled', companyId: 'dropbox', enabled: false });
  });

  it('shows a site turned off as off, from the settings it reads when it opens', async () => {
    answerAsBackground();
    await setSiteEnabled('dropbox', false);
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.dropbox.com/' });
    openPopup(tab.id!);
    const toggle = (await screen.findByRole('switch', { name: "Show the card on Dropbox's sites" })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
  });

  it('"Browse all companies" shows the search at once, focused, and every profile once read', async () => {
    answerAsBackground();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.dropbox.com/' });
    openPopup(tab.id!);
    fireEvent.click(await screen.findByRole('button', { name: 'Browse all companies' }));
    const search = await screen.findByRole('searchbox', { name: 'Search companies' });
    expect(document.activeElement).toBe(search);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${packaged.companies.length} companies`));
  });

  it('"Browse all companies" pressed twice before the search\'s code has loaded shows the search once, focused, with every profile', async () => {
    answerAsBackground();
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.dropbox.com/' });
    // A popup module of its own, so the search's code is not yet loaded from the tests before.
    vi.resetModules();
    const { drawPopup: drawFreshPopup } = await import('@/components/popup/popup-page');
    vi.stubGlobal('browser', fakeBrowser);
    drawFreshPopup(document.body.appendChild(document.createElement('div')), askPopupView(tab.id!));
    const browseAll = await screen.findByRole('button', { name: 'Browse all companies' });
    fireEvent.click(browseAll);
    fireEvent.click(browseAll);
    const search = await screen.findByRole('searchbox', { name: 'Search companies' });
    expect(document.activeElement).toBe(search);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${packaged.companies.length} companies`));
    expect(screen.getAllByRole('searchbox')).toHaveLength(1);
  });

  it('elsewhere says there is no profile, where to turn detection on, and lists every company', async () => {
    answerAsBackground();
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    await saveDetections(tab.id!, { url: 'https://example.org/', detections: djangoOnGunicorn }); // left from before detection went off
    openPopup(tab.id!);
    expect(await screen.findByText('No profile for this site.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Detection settings' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(`${packaged.companies.length} companies`);
    // Detection off: nothing of the detection card exists.
    expect(screen.queryByRole('button', { name: 'Show on page' })).toBeNull();
  });

  it('with detection on, lists what was found, and "Show on page" puts it in a card on the tab, then closes', async () => {
    const sent = answerAsBackground();
    (fakeBrowser.permissions as unknown as { contains: () => Promise<boolean> }).contains = async () => true;
    const injected: unknown[] = [];
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      executeScript: async (details: { files?: string[] }) => (injected.push(details), [{ result: true }]),
    };
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const tab = await fakeBrowser.tabs.create({ url: 'https://shop.example.org/login' });
    await saveDetections(tab.id!, { url: 'https://shop.example.org/login', detections: djangoOnGunicorn });
    openPopup(tab.id!);
    const report = await screen.findByRole('region', { name: 'Signs of Python on this site' });
    expect(report.querySelectorAll('h3')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Show on page' }));
    await vi.waitFor(() => expect(close).toHaveBeenCalledOnce());
    expect(sent.at(-1)).toEqual({ type: 'detection:show', tabId: tab.id });
    expect(injected.at(-1)).toMatchObject({ target: { tabId: tab.id }, files: ['/detection-card.js'] });
  });
});
