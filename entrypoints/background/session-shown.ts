/** Which companies already showed their card in this browser session ("once per site per session"). */
import { storage } from 'wxt/utils/storage';
import { serial } from './serial';

// storage.session: cleared when the browser closes, survives service-worker restarts, never synced.
const shownItem = storage.defineItem<string[]>('session:shownCompanies', { fallback: [] });

/**
 * Records the company as shown and says whether it was new. Serialised so two tabs opening the same site at
 * once cannot both win.
 */
export const markShownThisSession = serial(async (companyId: string): Promise<boolean> => {
  const shown = await shownItem.getValue();
  if (shown.includes(companyId)) return false;
  await shownItem.setValue([...shown, companyId]);
  return true;
});

export const clearShownThisSession = () => shownItem.removeValue();

/** Whether the company's card already showed this session, without recording anything. */
export const shownThisSession = async (companyId: string) => (await shownItem.getValue()).includes(companyId);
