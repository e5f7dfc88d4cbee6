// The one table behind repairing, comparing and importing settings.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, migrateSettings, sameSettings, sameSites, settingsProblems } from '@/data/settings/shape';
import { setSiteEnabled, updateSettings, watchSettings } from '@/data/settings/store';

describe('the settings table', () => {
  it('names the fields that are not valid as given, and keys that are no setting', () => {
    expect(settingsProblems({ ...DEFAULT_SETTINGS })).toEqual({ invalid: [], unknown: [] });
    expect(settingsProblems({ ...DEFAULT_SETTINGS, disabledSites: ['ok', 'Not OK'], autoHideSeconds: 1.5, fontSize: 3 })).toEqual({
      invalid: ['disabledSites', 'autoHideSeconds'],
      unknown: ['fontSize'],
    });
  });

  it('migrates a file or a stored value the same way, from its version to this one', () => {
    expect(migrateSettings({ showMode: 'never' }, 1)).toEqual({ makeRoomBy: 'collapse', theme: 'page', showMode: 'never' });
    expect(migrateSettings({ showMode: 'never' }, 2)).toEqual({ showMode: 'never' });
  });

  it('compares field by field, lists entry by entry', () => {
    expect(sameSettings({ ...DEFAULT_SETTINGS, disabledSites: ['a'] }, { ...DEFAULT_SETTINGS, disabledSites: ['a'] })).toBe(true);
    expect(sameSettings({ ...DEFAULT_SETTINGS, disabledSites: ['a', 'b'] }, { ...DEFAULT_SETTINGS, disabledSites: ['b', 'a'] })).toBe(false);
    expect(sameSites({ ...DEFAULT_SETTINGS, theme: 'dark' }, { ...DEFAULT_SETTINGS })).toBe(true);
    expect(sameSites({ ...DEFAULT_SETTINGS, disabledSites: ['a'] }, { ...DEFAULT_SETTINGS })).toBe(false);
  });

  it('tells watchers what the settings were, so they can do only what a change needs', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS } });
    const seen: [string[], string[]][] = [];
    const unwatch = watchSettings((settings, previous) => seen.push([settings.disabledSites, previous.disabledSites]));
    await setSiteEnabled('nasa', false);
    await updateSettings((s) => ({ ...s, theme: 'dark' }));
    unwatch();
    expect(seen).toEqual([
      [['nasa'], []],
      [['nasa'], ['nasa']],
    ]);
  });
});
