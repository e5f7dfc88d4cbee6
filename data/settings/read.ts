/**
 * The settings read over the browser's own storage API, without @wxt-dev/storage or the polyfill: for the popup's
 * first view, whose time to draw is mostly fetching and evaluating its scripts (tests/bench/popup-open.ts). The
 * same item (SETTINGS_AREA, SETTINGS_KEY) repaired by the same table (shape.ts) as store.ts reads it; it never
 * writes: the contexts that edit the settings (the background, options) run the stored item's migrations and
 * write repairs back, and a repaired read already gives every field its valid value.
 */
import { extensionGlobal } from '../browser/extension-global';
import { SETTINGS_AREA, SETTINGS_KEY } from './location';
import { changedSettings, repairSettings, type Settings } from './shape';

type Changes = Record<string, { newValue?: unknown }>;
type ChangeListener = (changes: Changes, area: string) => void;

interface StorageApi {
  storage: Record<typeof SETTINGS_AREA, { get(key: string): Promise<Record<string, unknown>> }> & {
    onChanged: { addListener(listener: ChangeListener): void; removeListener(listener: ChangeListener): void };
  };
}

const api = () => extensionGlobal<StorageApi>()!.storage;

/** The current settings, repaired field by field. */
export async function readSettings(): Promise<Settings> {
  const stored = await api()[SETTINGS_AREA].get(SETTINGS_KEY);
  return repairSettings(stored[SETTINGS_KEY]);
}

/** Calls back with the repaired settings whenever they change, in any context; returns how to stop. */
export function onSettingsChange(callback: (settings: Settings) => void): () => void {
  const listener: ChangeListener = (changes, area) => {
    const settings = changedSettings(changes, area);
    if (settings) callback(settings);
  };
  api().onChanged.addListener(listener);
  return () => api().onChanged.removeListener(listener);
}
