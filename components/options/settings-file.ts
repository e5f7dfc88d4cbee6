/**
 * Settings as a file the user can keep or move to another browser: export writes every field; import accepts
 * only a complete, valid file of ours and otherwise says exactly what is wrong, changing nothing.
 */
import { t } from '@/data/i18n/translate';
import {
  AUTO_HIDE_CHOICES,
  DEFAULT_SETTINGS,
  MAKE_ROOM_WAYS,
  MAX_AUTO_HIDE_SECONDS,
  POSITIONS,
  SETTINGS_VERSION,
  SHOW_MODES,
  THEMES,
  type Settings,
} from '@/data/settings/shape';

const FORMAT = 'python-inside-settings';
export const SETTINGS_FILE_NAME = 'python-inside-settings.json';
const MAX_FILE_BYTES = 100_000;
/** Settings a version-1 file cannot have: such a file gets today's defaults for them. */
const ADDED_IN_2 = { makeRoomBy: DEFAULT_SETTINGS.makeRoomBy, theme: DEFAULT_SETTINGS.theme };

export function settingsToFile(settings: Settings): string {
  return `${JSON.stringify({ format: FORMAT, version: SETTINGS_VERSION, settings }, null, 2)}\n`;
}

type Parsed = { settings: Settings } | { error: string };

const fail = (error: string): Parsed => ({ error });

export function settingsFromFile(text: string): Parsed {
  if (text.length > MAX_FILE_BYTES) return fail(t('fileTooLarge'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(t('fileNotJson'));
  }
  const file = data as { format?: unknown; version?: unknown; settings?: unknown };
  if (!file || typeof file !== 'object' || file.format !== FORMAT) return fail(t('fileNotOurs'));
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) return fail(t('fileNoVersion'));
  if (file.version > SETTINGS_VERSION) return fail(t('fileNewer'));
  const given = file.settings as Record<string, unknown> | undefined;
  if (!given || typeof given !== 'object' || Array.isArray(given)) return fail(t('fileNoSettings'));
  const s = file.version < 2 ? { ...ADDED_IN_2, ...given } : given;

  const problems: string[] = [];
  const sites = s.disabledSites;
  if (!Array.isArray(sites) || !sites.every((id) => typeof id === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))) {
    problems.push(t('fileBadSites'));
  }
  if (!(SHOW_MODES as readonly unknown[]).includes(s.showMode)) problems.push(t('fileBadShowMode', SHOW_MODES.join(', ')));
  if (!(POSITIONS as readonly unknown[]).includes(s.position)) problems.push(t('fileBadPosition', POSITIONS.join(', ')));
  const seconds = s.autoHideSeconds;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > MAX_AUTO_HIDE_SECONDS) {
    problems.push(t('fileBadSeconds', MAX_AUTO_HIDE_SECONDS, AUTO_HIDE_CHOICES.join(', ')));
  }
  if (!(MAKE_ROOM_WAYS as readonly unknown[]).includes(s.makeRoomBy)) problems.push(t('fileBadMakeRoom', MAKE_ROOM_WAYS.join(', ')));
  if (!(THEMES as readonly unknown[]).includes(s.theme)) problems.push(t('fileBadTheme', THEMES.join(', ')));
  const unknown = Object.keys(s).filter((k) => !(k in DEFAULT_SETTINGS));
  if (unknown.length) problems.push(t('fileUnknownSettings', unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')));
  if (problems.length) return fail(t('fileNotImported', problems.join('; ')));

  return {
    settings: {
      disabledSites: [...new Set(sites as string[])],
      showMode: s.showMode as Settings['showMode'],
      position: s.position as Settings['position'],
      autoHideSeconds: seconds as number,
      makeRoomBy: s.makeRoomBy as Settings['makeRoomBy'],
      theme: s.theme as Settings['theme'],
    },
  };
}
