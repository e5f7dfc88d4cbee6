// Card injection and the toolbar badge, against in-memory scripting and storage.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeDataset } from '@/data/dataset';
import { ensureSeeded } from '@/data/db';
import { setSiteEnabled, updateSettings } from '@/data/settings';
import { DEFAULT_SETTINGS, withSiteEnabled, type Settings } from '@/data/settings-shape';
import { badgeFor } from '@/entrypoints/background/badge';
import { CARD_DATA_KEY, CARD_SCRIPT, injectCardIfDue, toggleCard } from '@/entrypoints/background/injection';
import { handleMessage } from '@/entrypoints/background/router';
import { acme, globex } from '../fixtures/profiles';

interface Injection {
  target: { tabId: number };
  files?: string[];
  func?: (...args: unknown[]) => void;
  args?: unknown[];
}

/** An in-memory scripting.executeScript that records what was injected where, or fails like a closed tab. */
function fakeScripting(fail = false) {
  const injected: Injection[] = [];
  const api = {
    executeScript: async (details: Injection) => {
      if (fail) throw new Error('No tab with id: 7');
      injected.push(details);
      return [];
    },
  };
  (fakeBrowser as unknown as { scripting: typeof api }).scripting = api;
  return injected;
}

const companies = [acme, globex];
const settings = (change: (s: Settings) => Settings = (s) => s) => change({ ...DEFAULT_SETTINGS });
const cardRequest = (url: string) => handleMessage({ type: 'card:request' }, { url, id: fakeBrowser.runtime.id });

describe('injecting the card after load', () => {
  let injected: Injection[];
  beforeEach(() => {
    injected = fakeScripting();
  });

  it('injects the card script into a covered, enabled page, and nothing anywhere else', async () => {
    expect(await injectCardIfDue(7, 'https://music.youtube.com/watch?v=1')).toBe(true);
    // First the card's content, into the extension's isolated world; then the script that draws it.
    const [data, script] = injected;
    expect(data).toMatchObject({ target: { tabId: 7 }, args: [CARD_DATA_KEY, { show: true, company: { id: 'youtube' } }] });
    const world = globalThis as Record<string, unknown>;
    data!.func!(...data!.args!);
    expect(world[CARD_DATA_KEY]).toMatchObject({ company: { name: 'YouTube' } });
    delete world[CARD_DATA_KEY];
    expect(script).toEqual(expect.objectContaining({ target: { tabId: 7 }, files: [CARD_SCRIPT] }));
    for (const url of [undefined, 'https://example.org/', 'https://notyoutube.com/', 'file:///youtube.com', 'chrome://settings/']) {
      expect(await injectCardIfDue(8, url), String(url)).toBe(false);
    }
    expect(injected).toHaveLength(2);
  });

  it('does not inject once the card has shown this session, unless set to show on every load', async () => {
    expect(await injectCardIfDue(7, 'https://www.reddit.com/')).toBe(true);
    expect(await injectCardIfDue(7, 'https://old.reddit.com/')).toBe(false);
    expect(await cardRequest('https://www.reddit.com/')).toEqual({ show: false, reason: 'already-shown' });
    await updateSettings((s) => ({ ...s, showMode: 'every-load' }));
    expect(await injectCardIfDue(7, 'https://old.reddit.com/')).toBe(true);
  });

  it('injects nothing on a turned-off site or when the card is set to never show on its own', async () => {
    await setSiteEnabled('netflix', false);
    expect(await injectCardIfDue(7, 'https://www.netflix.com/')).toBe(false);
    await updateSettings((s) => ({ ...s, showMode: 'never' }));
    expect(await injectCardIfDue(7, 'https://www.spotify.com/')).toBe(false);
    expect(injected).toEqual([]);
  });

  it('shrugs off a tab that went away before the script arrived', async () => {
    fakeScripting(true);
    expect(await injectCardIfDue(7, 'https://www.dropbox.com/')).toBe(false);
  });
});

describe('the keyboard shortcut', () => {
  it('asks the card script to toggle on a covered page, even where the card would not show by itself', async () => {
    const injected = fakeScripting();
    await updateSettings((s) => ({ ...s, showMode: 'never', disabledSites: ['youtube'], position: 'top-left' }));
    expect(await toggleCard(7, 'https://www.youtube.com/watch')).toBe(true);
    expect(injected[0]).toMatchObject({
      args: [CARD_DATA_KEY, { show: true, toggle: true, company: { id: 'youtube' }, behaviour: { position: 'top-left' } }],
    });
    expect(injected[1]).toMatchObject({ target: { tabId: 7 }, files: [CARD_SCRIPT] });
  });

  it('does nothing on a page no profile covers', async () => {
    const injected = fakeScripting();
    expect(await toggleCard(7, 'https://example.org/')).toBe(false);
    expect(await toggleCard(7, undefined)).toBe(false);
    expect(injected).toEqual([]);
  });
});

describe('badge', () => {
  beforeEach(async () => {
    await ensureSeeded(makeDataset(companies));
  });

  it('shows "Py" and "Python at {name}" on covered, enabled pages only', async () => {
    expect(await badgeFor('https://shop.acme.test/cart', settings())).toEqual({ text: 'Py', title: 'Python at Acme' });
    expect(await badgeFor('https://example.org/', settings())).toEqual({ text: '', title: 'Python Inside' });
    expect(await badgeFor(undefined, settings())).toEqual({ text: '', title: 'Python Inside' });
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
