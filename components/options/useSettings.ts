import { useEffect, useState } from 'preact/hooks';
import { logError } from '@/data/browser/console';
import type { Settings } from '@/data/settings/shape';
import { getSettings, watchSettings } from '@/data/settings/store';

/**
 * Live settings for the options page: null while loading, then kept in step with every other context. `saved`
 * takes a write under way (updateSettings, setSitesEnabled) and shows its result as soon as it is stored.
 */
export function useSettings(): [Settings | null, (write: Promise<Settings>) => Promise<Settings>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    getSettings().then((s) => alive && setSettings(s), logError);
    const unwatch = watchSettings(setSettings);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  const saved = async (write: Promise<Settings>) => {
    const next = await write;
    setSettings(next);
    return next;
  };
  return [settings, saved];
}
