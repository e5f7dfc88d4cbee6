/**
 * The toolbar popup: the card for the tab's company with an on/off switch, or "no profile" and every company.
 * Its first view, for a covered site, is drawn with the DOM API from what its one early message answers
 * (opening.ts) and the settings it reads meanwhile over the browser's own API: no UI framework, polyfill or
 * storage library is fetched or evaluated before it. The views that list every company (search-view.tsx, with
 * Preact) are a chunk fetched only when shown, or once the first view is drawn, for "Browse all companies".
 */
import { logError } from '@/data/browser/console';
import { t } from '@/data/i18n/translate';
import type { PopupView } from '@/data/messaging/protocol';
import { readSettings } from '@/data/settings/read';
import { el } from '../card/dom';
import { companyView } from './company-view';
import { openExtensionTab, popupApi } from './popup-api';

type SearchView = typeof import('./search-view');
let searchView: Promise<SearchView> | undefined;
let loadedSearchView: SearchView | undefined;
const loadSearchView = () => (searchView ??= import('./search-view').then((view) => (loadedSearchView = view)));

/** Draws the popup into `root`; `opening`: what it shows, already asked for (opening.ts). */
export function drawPopup(root: HTMLElement, opening: Promise<PopupView>): void {
  const options = el('button', { type: 'button', class: 'pi-link-button', onclick: () => void popupApi().runtime.openOptionsPage().catch(logError) }, t('options'));
  const loading = el('p', { class: 'pi-muted' }, t('loading'));
  // Where the views go, each replacing the other.
  const content = el('div');
  // The grid of every company opens in a tab of its own: too wide for a popup.
  const grid = el('button', { type: 'button', class: 'pi-link-button pi-open-grid', onclick: () => openExtensionTab('/browse.html', true) }, t('seeGrid'));
  const main = el('main', { class: 'pi-popup' }, el('div', { class: 'pi-popup-bar' }, el('span', { class: 'pi-brand' }, 'Python Inside'), options), loading, content);
  root.replaceChildren(main);

  // The view, or the error, takes the place of "Loading", and the link to the grid comes after it.
  const shown = () => {
    loading.remove();
    main.append(grid);
  };
  const fail = (error: unknown) => {
    const alert = el('p', { class: 'pi-error', role: 'alert' }, t('readError', String(error)));
    if (loading.isConnected) loading.replaceWith(alert);
    else content.before(alert);
    shown();
  };
  // Set by the first press: a second one while the search's code is still on its way must not draw it again
  // (Preact would keep the list it drew first as if it were still in the emptied view, and show nothing).
  let browsing = false;
  const browseAll = () => {
    if (browsing) return;
    browsing = true;
    const show = ({ showAllCompanies }: SearchView) => {
      content.replaceChildren();
      showAllCompanies(content, fail);
    };
    // Fetched once the first view was drawn: then the search is there, focused, in the same task as the press;
    // pressed sooner, it comes, focused, as soon as its code has loaded.
    if (loadedSearchView) show(loadedSearchView);
    else loadSearchView().then(show, fail);
  };

  Promise.all([opening, readSettings()]).then(([view, settings]) => {
    if (view.company && view.tabId !== null) {
      content.replaceChildren(...companyView(view.company, view.tabId, settings, browseAll));
      shown();
      // The search's code, for "Browse all companies", once this view is on screen: it never delays it.
      requestAnimationFrame(() => setTimeout(() => void loadSearchView().catch(logError)));
      return;
    }
    // Without a company the list is what the popup shows: it appears with everything else, once read.
    return loadSearchView()
      .then(({ showNoProfile }) => showNoProfile(content, view))
      .then(shown);
  }).catch(fail);
}
