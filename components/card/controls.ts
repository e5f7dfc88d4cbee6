/** Controls more than one form of the card has. */
import { t } from '@/data/i18n/translate';
import { el } from './dom';

/** × : closes the card. */
export const closeButton = (close: () => void) =>
  el('button', { type: 'button', class: 'pi-icon-button', 'aria-label': t('close'), title: t('closeTitle'), onclick: close }, el('span', { 'aria-hidden': 'true' }, '×'));
