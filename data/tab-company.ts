/** Which company, if any, the given tab (or the active tab) is showing. Used by the popup. */
import { browser } from 'wxt/browser';
import { buildDomainIndex, hostnameOfUrl, matchHostnameSync } from './profiles/match';
import type { CompanyProfile } from './profiles/schema';

/** `?tab=123` in the page URL, for opening the popup for a given tab (tests, keyboard users). */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/**
 * The company of the given tab (or the active one) and that tab's id, or null. The tab's URL is only readable on
 * hosts the extension has access to, i.e. covered ones; on any other tab it is undefined and the answer is
 * simply "no profile", which is right.
 */
export async function companyForTab(
  tabId: number | null,
  companies: readonly CompanyProfile[],
): Promise<{ company: CompanyProfile; tabId: number } | null> {
  try {
    const tab =
      tabId === null ? (await browser.tabs.query({ active: true, currentWindow: true }))[0] : await browser.tabs.get(tabId);
    const host = hostnameOfUrl(tab?.url);
    const id = host ? matchHostnameSync(host, buildDomainIndex(companies)) : null;
    const company = companies.find((c) => c.id === id);
    return company && tab?.id !== undefined ? { company, tabId: tab.id } : null;
  } catch {
    return null; // the tab is gone
  }
}
