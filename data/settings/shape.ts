/**
 * Settings: every field in one table, with its default and what a valid value is. Repairing a stored value,
 * telling whether a stored value already is the settings (so nothing is written back needlessly), and checking
 * an imported file all read that table, so a new setting is added in one place. Pure (no storage library), so
 * the card script can read a change event without bundling one.
 */
import { isId } from '../profiles/ids';
import { SETTINGS_AREA, SETTINGS_KEY } from './location';

export const SHOW_MODES = ['every-load', 'once-per-session', 'never'] as const;
export const POSITIONS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export const AUTO_HIDE_CHOICES = [0, 5, 10, 20, 30, 60] as const;
export const MAX_AUTO_HIDE_SECONDS = 600;
/** How the card makes room for the page when its time is up: shrink to a small tab, or close. */
export const MAKE_ROOM_WAYS = ['collapse', 'close'] as const;
/** The card's colours: judged from the page it is drawn on, the system's choice, or fixed. */
export const THEMES = ['page', 'system', 'light', 'dark'] as const;

export type ShowMode = (typeof SHOW_MODES)[number];
export type Position = (typeof POSITIONS)[number];
export type MakeRoomWay = (typeof MAKE_ROOM_WAYS)[number];
export type Theme = (typeof THEMES)[number];

export interface Settings {
  /** Company ids the user turned off. Stored as "off" so profiles added by an update start on. */
  disabledSites: string[];
  showMode: ShowMode;
  position: Position;
  /** Seconds before the card makes room for the page; 0 = never. */
  autoHideSeconds: number;
  makeRoomBy: MakeRoomWay;
  theme: Theme;
}

/** 2 added makeRoomBy and theme (and made 10 s the default time, the card shrinking to a tab rather than closing). */
export const SETTINGS_VERSION = 2;

interface Field<T> {
  fallback: T;
  /** Whether a value is valid as it stands: what an imported file must hold, and what a stored value keeps. */
  valid(value: unknown): boolean;
  /** For a list: as much of a stored value as can be kept (its valid entries), instead of the default. */
  salvage?(value: unknown): T;
}

const oneOf = <T extends string>(list: readonly T[], fallback: T): Field<T> => ({
  fallback,
  valid: (value) => (list as readonly unknown[]).includes(value),
});

const wholeNumber = (max: number, fallback: number): Field<number> => ({
  fallback,
  valid: (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max,
});

/** A list without repeats; repairing keeps the entries that are valid (one bad entry never costs the rest). */
const listOf = (entry: (value: unknown) => boolean): Field<string[]> => ({
  fallback: [],
  valid: (value) => Array.isArray(value) && value.every(entry),
  salvage: (value) => (Array.isArray(value) ? [...new Set(value.filter(entry))] : []),
});

/** The table: every setting, in the order a file's problems are listed. */
const FIELDS: { [K in keyof Settings]: Field<Settings[K]> } = {
  disabledSites: listOf(isId),
  showMode: oneOf(SHOW_MODES, 'once-per-session'),
  position: oneOf(POSITIONS, 'bottom-right'),
  autoHideSeconds: wholeNumber(MAX_AUTO_HIDE_SECONDS, 10),
  makeRoomBy: oneOf(MAKE_ROOM_WAYS, 'collapse'),
  theme: oneOf(THEMES, 'page'),
};

const KEYS = Object.keys(FIELDS) as (keyof Settings)[];

const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) ? Array.isArray(b) && b.length === a.length && b.every((item, i) => item === a[i]) : a === b;

/**
 * Keeps every valid field and resets only the broken ones, so one corrupt value (a sync conflict, a hand edit,
 * an older or newer version) never costs the user the rest of their choices.
 */
export function repairSettings(raw: unknown): Settings {
  const stored = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const fields = KEYS.map((key) => {
    const field = FIELDS[key] as Field<unknown>;
    const value = stored[key];
    return [key, field.salvage ? field.salvage(value) : field.valid(value) ? value : field.fallback];
  });
  return Object.fromEntries(fields) as Settings;
}

/** The defaults: what repair makes of nothing. */
export const DEFAULT_SETTINGS: Readonly<Settings> = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ repairSettings({}));

/**
 * Whether a stored value already is exactly these settings. Field by field, because storage may hand keys back
 * in another order; a needless write-back would burn storage.sync's write quota on every read.
 */
export function sameSettings(raw: unknown, settings: Settings): boolean {
  if (!raw || typeof raw !== 'object') return false;
  const stored = raw as Record<string, unknown>;
  return Object.keys(stored).length === KEYS.length && KEYS.every((key) => sameValue(settings[key], stored[key]));
}

/** Whether two settings turn the same sites off (all the toolbar badges depend on). */
export const sameSites = (a: Settings, b: Settings) => sameValue(a.disabledSites, b.disabledSites);

/** What is wrong with settings given whole (an imported file): the fields that are not valid, and keys that are no setting. */
export function settingsProblems(given: Record<string, unknown>): { invalid: (keyof Settings)[]; unknown: string[] } {
  return {
    invalid: KEYS.filter((key) => !FIELDS[key].valid(given[key])),
    unknown: Object.keys(given).filter((key) => !Object.hasOwn(FIELDS, key)),
  };
}

/**
 * From each published version to the next: `N` turns a version N-1 value into version N. The stored item and an
 * imported file migrate the same way; repairSettings then fixes whatever a migration could not. 2: how the card
 * makes room, and its colours; a stored time is the person's own choice and is kept.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: (v1) => ({ makeRoomBy: DEFAULT_SETTINGS.makeRoomBy, theme: DEFAULT_SETTINGS.theme, ...(v1 as object) }),
};

/** A value of an older version brought to this one. */
export function migrateSettings(value: unknown, fromVersion: number): unknown {
  let migrated = value;
  for (let version = fromVersion + 1; version <= SETTINGS_VERSION; version++) migrated = SETTINGS_MIGRATIONS[version]?.(migrated) ?? migrated;
  return migrated;
}

/** The settings in a storage change event, repaired, if they are what changed. */
export function changedSettings(changes: Record<string, { newValue?: unknown }>, area: string): Settings | null {
  const change = changes[SETTINGS_KEY];
  return area === SETTINGS_AREA && change ? repairSettings(change.newValue) : null;
}

/** What the card needs to know about behaviour (sent to the card with its profile). */
export type Behaviour = Pick<Settings, 'position' | 'autoHideSeconds' | 'makeRoomBy' | 'theme'>;

export const behaviourOf = ({ position, autoHideSeconds, makeRoomBy, theme }: Settings): Behaviour => ({
  position,
  autoHideSeconds,
  makeRoomBy,
  theme,
});

export const isSiteEnabled = (settings: Pick<Settings, 'disabledSites'>, companyId: string) =>
  !settings.disabledSites.includes(companyId);

/** The settings with these sites turned on or off, the others as they were. */
export function withSitesEnabled(settings: Settings, companyIds: readonly string[], enabled: boolean): Settings {
  const others = settings.disabledSites.filter((id) => !companyIds.includes(id));
  return { ...settings, disabledSites: enabled ? others : [...others, ...companyIds] };
}

export const withSiteEnabled = (settings: Settings, companyId: string, enabled: boolean) => withSitesEnabled(settings, [companyId], enabled);
