// Test helpers for the settings, kept out of the modules that ship.
import { DEFAULT_SETTINGS } from '@/data/settings/shape';
import { updateSettings } from '@/data/settings/store';

/** Every setting back to its default. */
export const resetSettings = () => updateSettings(() => ({ ...DEFAULT_SETTINGS }));
