/**
 * Which companies already showed their card in this browser session ("once per site per session").
 *
 * Kept in storage.local, not storage.session: the browser empties storage.session when the extension is
 * updated, and an update must not show a second card for a company already seen. lifetime.ts forgets the list
 * when a new browser session (or a re-enabled extension) begins.
 */
import { storage } from 'wxt/utils/storage';
import { serial } from '../serial';

const shownItem = storage.defineItem<string[]>('local:shownCompanies', { fallback: [] });

/** Serialised so that concurrent writers never drop each other's entries. */
const change = serial(async (edit: (shown: string[]) => string[]) => shownItem.setValue(edit(await shownItem.getValue())));

export const markShown = (companyId: string) => change((shown) => (shown.includes(companyId) ? shown : [...shown, companyId]));

export const unmarkShown = (companyId: string) => change((shown) => shown.filter((id) => id !== companyId));

export const forgetShown = () => shownItem.removeValue();

/** Whether the company's card already showed this session. */
export const shownThisSession = async (companyId: string) => (await shownItem.getValue()).includes(companyId);
