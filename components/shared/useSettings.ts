import { useEffect, useState } from 'preact/hooks';
import { logError } from '@/data/browser/console';
import { getSettings, updateSettings, watchSettings } from '@/data/settings/store';
import type { Settings } from '@/data/settings/shape';

/** Live settings for an extension page: null while loading, then kept in step with every other context. */
export function useSettings(): [Settings | null, (change: (s: Settings) => Settings) => Promise<Settings>] {
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
  const update = async (change: (s: Settings) => Settings) => {
    const next = await updateSettings(change);
    setSettings(next);
    return next;
  };
  return [settings, update];
}
