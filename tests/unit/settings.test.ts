import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, resetSettings, setSiteEnabled, updateSettings, watchSettings } from '@/data/settings';
import { DEFAULT_SETTINGS, isSiteEnabled, repairSettings, SETTINGS_VERSION, withSiteEnabled } from '@/data/settings-shape';

describe('settings', () => {
  it('starts with the defaults: every site on, once per session, bottom right, hide after 20 s', async () => {
    expect(await getSettings()).toEqual({
      disabledSites: [],
      showMode: 'once-per-session',
      position: 'bottom-right',
      autoHideSeconds: 20,
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
      settings: { disabledSites: ['spotify', 42, 'spotify'], showMode: 'sometimes', position: 'top-left', autoHideSeconds: -3 },
    });
    const expected = { disabledSites: ['spotify'], showMode: 'once-per-session', position: 'top-left', autoHideSeconds: 20 };
    expect(await getSettings()).toEqual(expected);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(expected);
  });

  it('does not write back a valid value stored with its keys in another order', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { showMode: 'never', position: 'top-left', disabledSites: ['nasa'], autoHideSeconds: 0 },
    });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect(await getSettings()).toEqual({ disabledSites: ['nasa'], showMode: 'never', position: 'top-left', autoHideSeconds: 0 });
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
