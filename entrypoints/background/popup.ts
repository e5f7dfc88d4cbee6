/**
 * What the toolbar popup shows, answered in one message: every profile for its search, the company of the tab it
 * is about with whether its card is on, or else what the detector found there. The tab's page is whatever the
 * browser says the tab shows, read here; the popup names only the tab.
 */
import { browser } from 'wxt/browser';
import type { PopupView } from '@/data/messaging/protocol';
import { hostnameOfUrl } from '@/data/profiles/match';
import { isSiteEnabled } from '@/data/settings/shape';
import { getSettings } from '@/data/settings/store';
import { detectionForTab } from './detection/tab-detections';
import { companyForHost, profileLookup } from './lookup';

export async function popupView(tabId: number | null): Promise<PopupView> {
  const companies = await profileLookup.everyCompany();
  if (tabId === null) return { companies, company: null, detection: null };
  // Without the `tabs` permission the URL is there only on covered hosts (and on every site once detection is
  // on); a tab that closed meanwhile has none either: no profile, which is right.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const host = hostnameOfUrl(tab?.url);
  const profile = host ? await companyForHost(host) : null;
  if (!profile) return { companies, company: null, detection: await detectionForTab(tabId) };
  return { companies, company: { profile, tabId, enabled: isSiteEnabled(await getSettings(), profile.id) }, detection: null };
}
