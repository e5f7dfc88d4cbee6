/**
 * Puts the card into a tab once its page has loaded, and only when the card is due there: a covered, enabled
 * site whose card has not shown yet this session (or every load, if so set). Every other page gets nothing,
 * not even a script that decides to do nothing; and injecting after the load event means the page's own
 * loading is never held up (see the README's Performance section for the measurements behind this).
 */
import { browser } from 'wxt/browser';
import { hostnameOfUrl } from '@/data/match';
import { cardForHost } from './router';

export const CARD_SCRIPT = '/overlay.js';

/** Injects the card script if due; says whether it did. */
export async function injectCardIfDue(tabId: number, url: string | undefined): Promise<boolean> {
  const host = hostnameOfUrl(url); // undefined for every site we have no access to: nothing to do there
  if (!host) return false;
  const due = await cardForHost(host, { record: false });
  if (!due.show) return false;
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CARD_SCRIPT], injectImmediately: true });
    return true;
  } catch {
    return false; // the tab navigated away or closed in the meantime
  }
}
