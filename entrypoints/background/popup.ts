/**
 * What the toolbar popup shows about a tab, answered in one message: the company of the tab it is about, or else
 * what the detector found there. The tab's page is whatever the browser says the tab shows, read here; the popup
 * names only the tab. The popup reads the settings and, for its search, every profile itself.
 */
import { browser } from 'wxt/browser';
import type { PopupView } from '@/data/messaging/protocol';
import { hostnameOfUrl } from '@/data/profiles/match';
import { detectionForTab } from './detection/tab-detections';
import { companyForHost } from './lookup';

export async function popupView(tabId: number | null): Promise<PopupView> {
  if (tabId === null) return { tabId, company: null, detection: null };
  // Without the `tabs` permission the URL is there only on covered hosts (and on every site once detection is
  // on); a tab that closed meanwhile has none either: no profile, which is right.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const host = hostnameOfUrl(tab?.url);
  const profile = host ? await companyForHost(host) : null;
  if (!profile) return { tabId, company: null, detection: await detectionForTab(tabId) };
  return { tabId, company: profile, detection: null };
}
