/**
 * Settings: their shape, defaults and field-by-field repair. Pure (no storage import), so the content script
 * can read a change event without bundling the storage library.
 */
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

/** What the card needs to know about behaviour (sent to the card with its profile). */
export type Behaviour = Pick<Settings, 'position' | 'autoHideSeconds' | 'makeRoomBy' | 'theme'>;

export const behaviourOf = ({ position, autoHideSeconds, makeRoomBy, theme }: Settings): Behaviour => ({
  position,
  autoHideSeconds,
  makeRoomBy,
  theme,
});

export const SETTINGS_KEY = 'settings';
/** 2 added makeRoomBy and theme (and made 10 s the default time, the card shrinking to a tab rather than closing). */
export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  disabledSites: [],
  showMode: 'once-per-session',
  position: 'bottom-right',
  autoHideSeconds: 10,
  makeRoomBy: 'collapse',
  theme: 'page',
});

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/**
 * Keeps every valid field and resets only the broken ones, so one corrupt value (a sync conflict, a hand edit,
 * an older or newer version) never costs the user the rest of their choices.
 */
export function repairSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const disabled = Array.isArray(r.disabledSites)
    ? [...new Set(r.disabledSites.filter((v): v is string => typeof v === 'string' && v.length > 0))]
    : [...DEFAULT_SETTINGS.disabledSites];
  const seconds = r.autoHideSeconds;
  return {
    disabledSites: disabled,
    showMode: isOneOf(SHOW_MODES, r.showMode) ? r.showMode : DEFAULT_SETTINGS.showMode,
    position: isOneOf(POSITIONS, r.position) ? r.position : DEFAULT_SETTINGS.position,
    autoHideSeconds:
      typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_AUTO_HIDE_SECONDS
        ? seconds
        : DEFAULT_SETTINGS.autoHideSeconds,
    makeRoomBy: isOneOf(MAKE_ROOM_WAYS, r.makeRoomBy) ? r.makeRoomBy : DEFAULT_SETTINGS.makeRoomBy,
    theme: isOneOf(THEMES, r.theme) ? r.theme : DEFAULT_SETTINGS.theme,
  };
}

/**
 * Whether a stored value already is exactly these settings. Field by field, because storage may hand keys back
 * in another order; a needless write-back would burn storage.sync's write quota on every read.
 */
export function sameSettings(raw: unknown, settings: Settings): boolean {
  if (!raw || typeof raw !== 'object') return false;
  const r = raw as Record<string, unknown>;
  return (
    Object.keys(r).length === Object.keys(DEFAULT_SETTINGS).length &&
    r.showMode === settings.showMode &&
    r.position === settings.position &&
    r.autoHideSeconds === settings.autoHideSeconds &&
    r.makeRoomBy === settings.makeRoomBy &&
    r.theme === settings.theme &&
    Array.isArray(r.disabledSites) &&
    r.disabledSites.length === settings.disabledSites.length &&
    r.disabledSites.every((id, i) => id === settings.disabledSites[i])
  );
}

export const isSiteEnabled = (settings: Pick<Settings, 'disabledSites'>, companyId: string) =>
  !settings.disabledSites.includes(companyId);

export function withSiteEnabled(settings: Settings, companyId: string, enabled: boolean): Settings {
  const others = settings.disabledSites.filter((id) => id !== companyId);
  return { ...settings, disabledSites: enabled ? others : [...others, companyId] };
}
