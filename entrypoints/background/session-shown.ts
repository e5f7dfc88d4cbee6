/** Which companies already showed their card in this browser session ("once per site per session"). */
import { storage } from 'wxt/utils/storage';

// storage.session: cleared when the browser closes, survives service-worker restarts, never synced.
const shownItem = storage.defineItem<string[]>('session:shownCompanies', { fallback: [] });

let queue: Promise<unknown> = Promise.resolve();

/**
 * Records the company as shown and says whether it was new. Serialised so two tabs opening the same site at
 * once cannot both win.
 */
export function markShownThisSession(companyId: string): Promise<boolean> {
  const run = queue.then(async () => {
    const shown = await shownItem.getValue();
    if (shown.includes(companyId)) return false;
    await shownItem.setValue([...shown, companyId]);
    return true;
  });
  queue = run.catch(() => undefined);
  return run;
}

export const clearShownThisSession = () => shownItem.removeValue();
