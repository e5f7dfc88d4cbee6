/**
 * The popup's "Show the card here", without a UI framework: drawn in the popup's first view (popup-page.ts), and
 * under the detector's findings as "Show on page" (through ShowCardHere.tsx).
 */
import { logError } from '@/data/browser/console';
import { TOGGLE_COMMAND } from '@/data/card/toggle-command';
import { t } from '@/data/i18n/translate';
import { askBackground } from '@/data/messaging/in-page';
import { el } from '../card/dom';
import { popupApi } from './popup-api';

/**
 * What goes in the `.pi-show-here` box: the card on this tab now, even if it was already shown this session or is
 * set to never show (as the keyboard shortcut does, which it names). On success the popup closes: the card is
 * on the page with the keyboard in it, and an open popup would cover part of the page and keep the keyboard.
 * If the card cannot go there (the tab moved on, or the page refuses extensions), the popup stays and says so.
 * With `detections`, it is "Show on page" under the detector's findings, and shows those in the card instead.
 */
export function showCardHereParts(tabId: number, detections = false): Node[] {
  const shortcut = el('p', { id: 'pi-shortcut', class: 'pi-muted' });
  const failed = el('p', { class: 'pi-error', role: 'alert' }, t('showCardFailed'));
  const show = () => {
    failed.remove();
    askBackground({ type: detections ? 'detection:show' : 'card:show', tabId }).then(
      ({ shown }) => (shown ? window.close() : shortcut.after(failed)),
      () => shortcut.after(failed),
    );
  };
  // The key the browser assigned to the card's shortcut, as the browser writes it; none when the user removed it
  // or the browser refused the suggestion. Without a commands API, nothing is said about a shortcut.
  popupApi()
    .commands?.getAll()
    .then((commands) => {
      const key = commands.find((c) => c.name === TOGGLE_COMMAND)?.shortcut;
      if (key) shortcut.replaceChildren(`${t('shortcutLabel')} `, el('kbd', null, key));
      else shortcut.textContent = t('shortcutNotSet');
    }, logError);
  return [el('button', { type: 'button', class: 'pi-button', 'aria-describedby': 'pi-shortcut', onclick: show }, t(detections ? 'showOnPage' : 'showCardHere')), shortcut];
}
