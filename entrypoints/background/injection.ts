/**
 * Puts the card into a tab once its page has loaded, and only when the card is due there: a covered, enabled
 * site whose card has not shown yet this session (or every load, if so set). Every other page gets nothing,
 * not even a script that decides to do nothing; and injecting after the load event means the page's own
 * loading is never held up (see the README's Performance section for the measurements behind this).
 */
import { browser } from 'wxt/browser';
import { hostnameOfUrl } from '@/data/match';
import type { CardResponse } from '@/data/messages';
import { getSettings } from '@/data/settings';
import { companyForHost } from './lookup';
import { cardForHost } from './router';

export const CARD_SCRIPT = '/overlay.js';

/** Where the injected script finds its card: a global of the extension's isolated world, which pages cannot see. */
export const CARD_DATA_KEY = '__pythonInsideCard';

/**
 * Hands the card its content (into the extension's isolated world) and then the script that draws it.
 * Says whether both arrived: the tab may have navigated away or closed in the meantime.
 */
async function handCard(tabId: number, card: CardResponse & { toggle?: true }): Promise<boolean> {
  try {
    await browser.scripting.executeScript({
      target: { tabId },
      func: (key: string, data: unknown) => void ((globalThis as Record<string, unknown>)[key] = data),
      args: [CARD_DATA_KEY, card],
      injectImmediately: true,
    });
    await browser.scripting.executeScript({ target: { tabId }, files: [CARD_SCRIPT], injectImmediately: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Injects the card script if due; says whether it did. The decision is recorded here (once per session counts
 * from now) and handed to the script with the injection, so the card does not have to ask again.
 */
export async function injectCardIfDue(tabId: number, url: string | undefined): Promise<boolean> {
  const host = hostnameOfUrl(url); // undefined for every site we have no access to: nothing to do there
  if (!host) return false;
  const card = await cardForHost(host, { record: true });
  return card.show ? handCard(tabId, card) : false;
}

export const TOGGLE_COMMAND = 'toggle-card';

/**
 * The keyboard shortcut: hides the card if it is showing, otherwise shows it on a covered page, whatever the
 * settings say (the user asked for it). Says whether the tab is covered at all.
 */
export async function toggleCard(tabId: number, url: string | undefined): Promise<boolean> {
  const host = hostnameOfUrl(url);
  const company = host ? await companyForHost(host) : null;
  if (!company) return false;
  const { position, autoHideSeconds } = await getSettings();
  await handCard(tabId, { show: true, company, behaviour: { position, autoHideSeconds }, toggle: true });
  return true;
}
