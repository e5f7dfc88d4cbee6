import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, setSiteEnabled, updateSettings, watchSettings } from '@/data/settings/store';
import { resetSettings } from './helpers/settings';
import { DEFAULT_SETTINGS, isSiteEnabled, repairSettings, SETTINGS_VERSION, withSiteEnabled } from '@/data/settings/shape';

describe('settings', () => {
  it('starts with the defaults: every site on, once per session, bottom right, a tab after 10 s, colours of the page', async () => {
    expect(await getSettings()).toEqual({
      disabledSites: [],
      showMode: 'once-per-session',
      position: 'bottom-right',
      autoHideSeconds: 10,
      makeRoomBy: 'collapse',
      theme: 'page',
    });
  });

  it('stores in storage.sync with a version, so later versions can migrate', async () => {
    await setSiteEnabled('youtube', false);
    const stored = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(stored.settings).toMatchObject({ disabledSites: ['youtube'] });
    expect(stored['settings$']).toEqual({ v: SETTINGS_VERSION });
  });

  it('turns sites off and on without touching other choices', async () => {
    await updateSettings((s) => ({ ...s, position: 'top-left' }));
    await setSiteEnabled('youtube', false);
    await setSiteEnabled('reddit', false);
    await setSiteEnabled('youtube', true);
    expect(await getSettings()).toMatchObject({ disabledSites: ['reddit'], position: 'top-left' });
  });

  it('repairs a corrupt stored value field by field and writes the repair back', async () => {
    await fakeBrowser.storage.sync.set({
      settings: {
        disabledSites: ['spotify', 42, 'spotify'],
        showMode: 'sometimes',
        position: 'top-left',
        autoHideSeconds: -3,
        makeRoomBy: 'vanish',
        theme: 'dark',
      },
    });
    const expected = {
      disabledSites: ['spotify'],
      showMode: 'once-per-session',
      position: 'top-left',
      autoHideSeconds: 10,
      makeRoomBy: 'collapse',
      theme: 'dark',
    };
    expect(await getSettings()).toEqual(expected);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(expected);
  });

  it('does not write back a valid value stored with its keys in another order', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { theme: 'light', showMode: 'never', position: 'top-left', disabledSites: ['nasa'], makeRoomBy: 'close', autoHideSeconds: 0 },
      settings$: { v: SETTINGS_VERSION },
    });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect(await getSettings()).toEqual({
      disabledSites: ['nasa'],
      showMode: 'never',
      position: 'top-left',
      autoHideSeconds: 0,
      makeRoomBy: 'close',
      theme: 'light',
    });
    expect(set).not.toHaveBeenCalled();
  });

  it.each([null, 'garbage', 7, [], { disabledSites: 'youtube' }])('repairs %j to defaults', (raw) => {
    expect(repairSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('reset restores the defaults', async () => {
    await updateSettings((s) => ({ ...withSiteEnabled(s, 'nasa', false), showMode: 'never', autoHideSeconds: 0 }));
    await resetSettings();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('notifies watchers with repaired values', async () => {
    const seen: unknown[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await setSiteEnabled('uber', false);
    await fakeBrowser.storage.sync.set({ settings: { showMode: 'bogus' } });
    unwatch();
    expect(seen).toEqual([
      { ...DEFAULT_SETTINGS, disabledSites: ['uber'] },
      DEFAULT_SETTINGS,
    ]);
    expect(isSiteEnabled({ disabledSites: ['uber'] }, 'uber')).toBe(false);
  });
});

describe('settings from every version ever stored', () => {
  // One value as each published version stored it, and what it must read as today. A new SETTINGS_VERSION
  // must add its predecessor's shape here (the first test fails until it does) and a migration in settings.ts.
  const STORED_BY_VERSION: Record<number, { stored: Record<string, unknown>; reads: Record<string, unknown> }> = {
    // Version 1 knew no way of making room but closing; its people get the tab and the page's colours, and keep
    // their own time (20 s was its default).
    1: {
      stored: { disabledSites: ['youtube'], showMode: 'never', position: 'top-right', autoHideSeconds: 20 },
      reads: { disabledSites: ['youtube'], showMode: 'never', position: 'top-right', autoHideSeconds: 20, makeRoomBy: 'collapse', theme: 'page' },
    },
    2: {
      stored: { disabledSites: ['nasa'], showMode: 'every-load', position: 'bottom-left', autoHideSeconds: 5, makeRoomBy: 'close', theme: 'dark' },
      reads: { disabledSites: ['nasa'], showMode: 'every-load', position: 'bottom-left', autoHideSeconds: 5, makeRoomBy: 'close', theme: 'dark' },
    },
  };

  it('has a stored example for every version up to the current one', () => {
    expect(Object.keys(STORED_BY_VERSION).map(Number)).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1));
  });

  it.each(Object.entries(STORED_BY_VERSION))('version %s migrates to the current shape, keeping every choice', async (version, { stored, reads }) => {
    await fakeBrowser.storage.sync.set({ settings: stored, settings$: { v: Number(version) } });
    expect(await getSettings()).toEqual(reads);
  });

  it('a value with no version mark (the earliest builds) reads as version 1', async () => {
    await fakeBrowser.storage.sync.set({ settings: STORED_BY_VERSION[1]!.stored });
    expect(await getSettings()).toEqual(STORED_BY_VERSION[1]!.reads);
  });

  it('a value from a newer version (after a downgrade) keeps what this version understands and drops the rest', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // the storage library reports the downgrade
    await fakeBrowser.storage.sync.set({
      settings: {
        disabledSites: ['reddit'],
        showMode: 'every-load',
        position: 'corner-of-the-moon',
        autoHideSeconds: 30,
        makeRoomBy: 'close',
        theme: 'dark',
        fontSize: 'large',
      },
      settings$: { v: SETTINGS_VERSION + 1 },
    });
    expect(await getSettings()).toEqual({
      disabledSites: ['reddit'],
      showMode: 'every-load',
      position: 'bottom-right',
      autoHideSeconds: 30,
      makeRoomBy: 'close',
      theme: 'dark',
    });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).not.toHaveProperty('fontSize');
  });
});
