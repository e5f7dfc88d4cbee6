/** The settings item in storage.sync (versioned, with migrations) and the operations every context uses. */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  repairSettings,
  sameSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  withSiteEnabled,
  type Settings,
} from './shape';

export const settingsItem = storage.defineItem<Settings>(`sync:${SETTINGS_KEY}`, {
  fallback: { ...DEFAULT_SETTINGS },
  version: SETTINGS_VERSION,
  // Version 1 is the first published shape. A later version adds `N: (old) => new` here; repairSettings then
  // fixes whatever a migration could not. 2: how the card makes room, and its colours; a stored time is the
  // person's own choice and is kept.
  migrations: {
    2: (v1: unknown) => ({ makeRoomBy: DEFAULT_SETTINGS.makeRoomBy, theme: DEFAULT_SETTINGS.theme, ...(v1 as object) }),
  },
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

export const setSiteEnabled = (companyId: string, enabled: boolean) =>
  updateSettings((s) => withSiteEnabled(s, companyId, enabled));

export const resetSettings = () => updateSettings(() => ({ ...DEFAULT_SETTINGS }));

/** Calls back with repaired settings whenever they change, from any context or synced device. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(repairSettings(value)));
}
