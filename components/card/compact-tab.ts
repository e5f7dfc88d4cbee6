/**
 * The card's compact form (shell.ts): the toolbar badge's mark ("Py" for a profile, "Py?" for signs of Python)
 * and the name on a button that opens the card again (a disclosure, so screen readers hear "collapsed"), and
 * Close. It comes with the rest of the card (card-more.ts): a card shrinks only after its time is up or when
 * asked to.
 */
import { t } from '@/data/i18n/translate';
import tabCss from './compact-tab.css?inline';
import { closeButton } from './controls';
import { el } from './dom';

export { tabCss };

export const compactTab = (name: string, open: () => void, close: () => void, mark = 'Py'): [HTMLButtonElement, HTMLButtonElement] => [
  el(
    'button',
    { type: 'button', class: 'pi-tab-open', 'aria-expanded': 'false', title: t('expand'), onclick: open },
    el('span', { class: 'pi-tab-mark', 'aria-hidden': 'true' }, mark),
    el('span', { class: 'pi-tab-name' }, name),
  ),
  closeButton(close),
];
