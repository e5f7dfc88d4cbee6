/**
 * Settings as a file the user can keep or move to another browser: export writes every field; import accepts
 * only a complete, valid file of ours and otherwise says exactly what is wrong, changing nothing. What is valid
 * is the settings' own table (data/settings/shape.ts); this module only says it in the reader's language.
 */
import { t } from '@/data/i18n/translate';
import {
  AUTO_HIDE_CHOICES,
  MAKE_ROOM_WAYS,
  MAX_AUTO_HIDE_SECONDS,
  migrateSettings,
  POSITIONS,
  repairSettings,
  SETTINGS_VERSION,
  settingsProblems,
  SHOW_MODES,
  THEMES,
  type Settings,
} from '@/data/settings/shape';

const FORMAT = 'python-inside-settings';
export const SETTINGS_FILE_NAME = 'python-inside-settings.json';
const MAX_FILE_BYTES = 100_000;

/** What a bad value of each setting should have been. */
const SHOULD_BE: Record<keyof Settings, () => string> = {
  disabledSites: () => t('fileBadSites'),
  showMode: () => t('fileBadShowMode', SHOW_MODES.join(', ')),
  position: () => t('fileBadPosition', POSITIONS.join(', ')),
  autoHideSeconds: () => t('fileBadSeconds', MAX_AUTO_HIDE_SECONDS, AUTO_HIDE_CHOICES.join(', ')),
  makeRoomBy: () => t('fileBadMakeRoom', MAKE_ROOM_WAYS.join(', ')),
  theme: () => t('fileBadTheme', THEMES.join(', ')),
};

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
  const given = file.settings;
  if (!given || typeof given !== 'object' || Array.isArray(given)) return fail(t('fileNoSettings'));
  // An older file gets today's defaults for what its version could not have, as stored settings do.
  const settings = migrateSettings(given, file.version) as Record<string, unknown>;

  const { invalid, unknown } = settingsProblems(settings);
  const problems = invalid.map((key) => SHOULD_BE[key]());
  if (unknown.length) problems.push(t('fileUnknownSettings', unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')));
  if (problems.length) return fail(t('fileNotImported', problems.join('; ')));
  return { settings: repairSettings(settings) };
}
