/**
 * The popup for a covered site, without a UI framework: the site's switch, "Show the card here", the company's
 * card (the same nodes as the card's full profile in a page, company-card.ts) and "Browse all companies". Drawn
 * with the DOM API so that the popup's first view needs no framework, polyfill or storage library: fetching and
 * evaluating those was most of the popup's time to its card (docs/performance.md).
 */
import { logError } from '@/data/browser/console';
import { reviewedMonth } from '@/data/i18n/dates';
import { t } from '@/data/i18n/translate';
import { askBackground } from '@/data/messaging/in-page';
import type { CompanyProfile } from '@/data/profiles/schema';
import { onSettingsChange } from '@/data/settings/read';
import { isSiteEnabled, type Settings } from '@/data/settings/shape';
import { companyCardParts } from '../card/company-card';
import { el } from '../card/dom';
import { showCardHereParts } from './show-card-here';

/**
 * A native checkbox shown as a switch: on = the card appears on this company's sites. Checked as the settings
 * said when the popup opened, then as they change in any context; it turns the site on or off the way the card's
 * own button does, through the background, and shows what the background did.
 */
function siteSwitch(company: CompanyProfile, settings: Settings): HTMLElement {
  const input = el('input', { type: 'checkbox', role: 'switch' });
  input.checked = isSiteEnabled(settings, company.id);
  input.addEventListener('change', () => {
    askBackground({ type: 'site:set-enabled', companyId: company.id, enabled: input.checked }).then((done) => (input.checked = done.enabled), logError);
  });
  // The popup closes with its page: nothing outlives the listener.
  onSettingsChange((next) => (input.checked = isSiteEnabled(next, company.id)));
  return el('label', { class: 'pi-switch' }, input, el('span', null, t('siteSwitch', company.name)));
}

/** The company's view; `onBrowseAll`: "Browse all companies" pressed (the search replaces this view). */
export function companyView(company: CompanyProfile, tabId: number, settings: Settings, onBrowseAll: () => void): Node[] {
  const card = el('article', { class: 'pi-card', 'aria-labelledby': 'pi-heading' }, ...companyCardParts(company, reviewedMonth(company.reviewed), 'pi-heading'));
  return [
    siteSwitch(company, settings),
    el('div', { class: 'pi-show-here' }, ...showCardHereParts(tabId)),
    card,
    el('button', { type: 'button', class: 'pi-link-button pi-browse-all', onclick: onBrowseAll }, t('browseAll')),
  ];
}
