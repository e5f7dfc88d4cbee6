/** The settings item in storage.sync (versioned, with migrations) and the operations every context uses. */
import { storage } from 'wxt/utils/storage';
import { SETTINGS_AREA, SETTINGS_KEY } from './location';
import {
  DEFAULT_SETTINGS,
  repairSettings,
  sameSettings,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  withSitesEnabled,
  type Settings,
} from './shape';

export const settingsItem = storage.defineItem<Settings>(`${SETTINGS_AREA}:${SETTINGS_KEY}`, {
  fallback: { ...DEFAULT_SETTINGS },
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/** Current settings, repaired field by field; a repaired value is written back so every context agrees. */
export async function getSettings(): Promise<Settings> {
  const raw: unknown = await settingsItem.getValue();
  const settings = repairSettings(raw);
  if (!sameSettings(raw, settings)) await settingsItem.setValue(settings);
  return settings;
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = repairSettings(change(await getSettings()));
  await settingsItem.setValue(next);
  return next;
}

/**
 * The one way a site's card is turned on or off (one write for any number of sites: storage.sync counts writes).
 * The card and the popup ask the background to do it; the options page, the settings' own editor, calls it.
 */
export const setSitesEnabled = (companyIds: readonly string[], enabled: boolean) =>
  updateSettings((s) => withSitesEnabled(s, companyIds, enabled));

export const setSiteEnabled = (companyId: string, enabled: boolean) => setSitesEnabled([companyId], enabled);

/**
 * Calls back with repaired settings whenever they change, from any context or synced device, and with what they
 * were, so a listener can do only the work the change needs.
 */
export function watchSettings(callback: (settings: Settings, previous: Settings) => void): () => void {
  return settingsItem.watch((value, previous) => callback(repairSettings(value), repairSettings(previous)));
}
