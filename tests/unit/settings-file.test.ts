import { describe, expect, it } from 'vitest';
import { settingsFromFile, settingsToFile } from '@/components/options/settings-file';
import { DEFAULT_SETTINGS, type Settings } from '@/data/settings/shape';

const mine: Settings = {
  disabledSites: ['youtube', 'google'],
  showMode: 'every-load',
  position: 'top-left',
  autoHideSeconds: 0,
  makeRoomBy: 'close',
  theme: 'dark',
};
const fileWith = (settings: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'python-inside-settings', version: 2, settings, ...extra });

describe('settings file', () => {
  it('round-trips every field', () => {
    expect(settingsFromFile(settingsToFile(mine))).toEqual({ settings: mine });
    expect(settingsFromFile(settingsToFile({ ...DEFAULT_SETTINGS }))).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it.each([
    ['not JSON', '{ nope', 'This file is not valid JSON.'],
    ['someone else\'s JSON', '{"theme":"dark"}', 'This is not a Python Inside settings file.'],
    ['a JSON array', '[1,2]', 'This is not a Python Inside settings file.'],
    ['no version', JSON.stringify({ format: 'python-inside-settings', settings: mine }), 'The file has no valid version.'],
    ['a newer version', fileWith(mine, { version: 99 }), 'The file comes from a newer version of Python Inside; update the extension first.'],
    ['no settings', fileWith(undefined), 'The file has no settings in it.'],
    ['a huge file', 'x'.repeat(200_000), 'This file is too large to be Python Inside settings.'],
  ])('rejects %s', (_what, text, error) => {
    expect(settingsFromFile(text)).toEqual({ error });
  });

  it('a version-1 file (from before the tab and the theme) imports with the defaults for them', () => {
    const v1 = { disabledSites: ['nasa'], showMode: 'never', position: 'bottom-left', autoHideSeconds: 20 };
    expect(settingsFromFile(fileWith(v1, { version: 1 }))).toEqual({ settings: { ...v1, makeRoomBy: 'collapse', theme: 'page' } });
  });

  it('a version-2 file must have every field', () => {
    expect(settingsFromFile(fileWith({ ...mine, theme: undefined }))).toEqual({
      error: 'The file was not imported: theme must be one of page, system, light, dark.',
    });
  });

  it('names every bad field, and accepts nothing from such a file', () => {
    const result = settingsFromFile(
      fileWith({ disabledSites: 'youtube', showMode: 'always', position: 'middle', autoHideSeconds: -5, makeRoomBy: 'fade', theme: 'sepia', font: 'big' }),
    );
    expect(result).toEqual({
      error:
        'The file was not imported: disabledSites must be a list of company ids; showMode must be one of every-load, once-per-session, never; ' +
        'position must be one of bottom-right, bottom-left, top-right, top-left; autoHideSeconds must be a whole number from 0 to 600 ' +
        '(the menu offers 0, 5, 10, 20, 30, 60); makeRoomBy must be one of collapse, close; theme must be one of page, system, light, dark; ' +
        'unknown setting "font".',
    });
    expect(settingsFromFile(fileWith({ ...mine, disabledSites: ['<script>'] }))).toEqual({
      error: 'The file was not imported: disabledSites must be a list of company ids.',
    });
  });
});
