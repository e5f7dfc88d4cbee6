/**
 * The toolbar badge: "Py" and "Python at {name}" on a tab showing a covered, enabled site; nothing elsewhere.
 * Without the `tabs` permission a tab's URL is visible only on hosts we have access to (the covered ones),
 * which is exactly the set that can ever get a badge.
 */
import { browser } from 'wxt/browser';
import { companyForHost } from './lookup';
import { detectionsFor } from './detection/tab-detections';
import { hostnameOfUrl } from '@/data/profiles/match';
import { isSiteEnabled, type Settings } from '@/data/settings/shape';
import { t } from '@/data/i18n/translate';

export const BADGE_TEXT = 'Py';
const BADGE_COLOR = '#1f4e8c';
/** Signs of Python found by the detector: another text and colour, so it never passes for a curated profile. */
export const DETECTED_BADGE_TEXT = 'Py?';
const DETECTED_BADGE_COLOR = '#5b3d99';
/** The toolbar button's tooltip on a page without a profile, in the browser's language (as the manifest's). */
const defaultTitle = () => t('actionTitle');

// MV3 calls it `action`, Firefox MV2 `browserAction`; same methods.
const action = (): typeof browser.action => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

type SettingsSource = Settings | (() => Promise<Settings>);

/**
 * Settings are read only once the page matched a company: most page loads never need them. A page without a
 * profile shows what the detector found there, if it ran (it stores nothing when detection is off).
 */
export async function badgeFor(url: string | undefined, settings: SettingsSource, tabId?: number): Promise<{ text: string; title: string; color?: string }> {
  const host = hostnameOfUrl(url);
  const company = host ? await companyForHost(host) : null;
  if (!company) {
    const detections = host && tabId !== undefined ? await detectionsFor(tabId, url) : null;
    if (!detections?.length) return { text: '', title: defaultTitle() };
    return { text: DETECTED_BADGE_TEXT, title: t('badgeDetected', detections.map((d) => d.name).join(', ')), color: DETECTED_BADGE_COLOR };
  }
  if (!isSiteEnabled(typeof settings === 'function' ? await settings() : settings, company.id)) return { text: '', title: t('badgeOff', company.name) };
  return { text: BADGE_TEXT, title: t('badgeCompany', company.name) };
}

export async function updateBadge(tabId: number, url: string | undefined, settings: SettingsSource): Promise<void> {
  const { text, title, color = BADGE_COLOR } = await badgeFor(url, settings, tabId);
  try {
    await Promise.all([
      action().setBadgeText({ tabId, text }),
      action().setTitle({ tabId, title }),
      text ? action().setBadgeBackgroundColor({ tabId, color }) : undefined,
    ]);
  } catch {
    // The tab closed while we looked it up: nothing left to label.
  }
}

export async function updateAllBadges(settings: Settings): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : updateBadge(tab.id, tab.url, settings))));
}
