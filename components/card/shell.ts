/**
 * The in-page card's shell, without a UI framework, for any kind of card (the company's profile; a card of what
 * was detected on a page): the host in the page (shadow-host.ts), its box in the chosen corner with the chosen
 * colours, the bar with Shrink and Close, the compact tab it shrinks to, Escape, the timer that makes room for
 * the page, what screen readers hear when it appears, and where focus goes. The kind puts its own content below
 * the bar (`setContent`) and brings its own CSS. What a card needs only later (its compact tab, and whatever the
 * kind adds) is a second script the kind's `more` loads once, when first needed (card-more.ts).
 *
 * Focus: a card the person asked for (`takeFocus`: the shortcut, the popup) takes the keyboard as it opens, so
 * its controls are one Tab away rather than after everything on a long page, and gives it back where it was when
 * it closes; a card that came by itself never takes focus. Shrinking or opening it by hand moves focus to the
 * control that undoes it; the timer never moves focus.
 *
 * Making room: after `autoHideSeconds` (0 = never) the card shrinks to a tab at the side of the window, or closes,
 * as set. The countdown pauses while the pointer is over the card, focus is inside it or the tab is hidden, so
 * nobody loses the card while reading it or unseen, and restarts from the full time when the pause ends.
 */
import { logError } from '@/data/browser/console';
import { t } from '@/data/i18n/translate';
import { CARD_CLOSE_KEY } from '@/data/card/handover';
import type { Behaviour } from '@/data/settings/shape';
import cardCss from './card.css?inline';
import overlayCss from './overlay.css?inline';
import type { compactTab } from './compact-tab';
import { closeButton } from './controls';
import { el } from './dom';
import { placementClass, tabClass } from './overlay-placement';
import { schemeFor } from './page-scheme';
import { mountShadowHost } from './shadow-host';

/** What the shell takes from the rest of the card, once loaded. */
export interface ShellMore {
  /** CSS for everything the rest of the card draws, added to the card once. */
  css: string;
  compactTab: typeof compactTab;
}

export interface CardShellOptions<M extends ShellMore> {
  /** The card's accessible name, also said by screen readers when it appears: "Python at YouTube". */
  label: string;
  /** What the compact tab says beside the "Py" mark: the company's name. */
  tabName: string;
  behaviour: Behaviour;
  /** The person asked for this card: it takes focus as it opens. */
  takeFocus: boolean;
  /** The kind's own CSS, on top of the shell's. */
  css: string;
  /** The rest of the card, injected the first time it is needed (card-more.ts). */
  more(): Promise<M>;
}

export interface CardShell<M extends ShellMore = ShellMore> {
  /** The card's landmark (the box in the corner, or the tab). */
  region: HTMLElement;
  /** Puts the kind's content below the bar, in order; nodes already there stay in place (focus in them stays). */
  setContent(...nodes: Node[]): void;
  /** Keeps the card from making room by itself while it holds something the person must not lose (an undo). */
  hold(held: boolean): void;
  /** Settings changed elsewhere: a new corner, time, way of making room or theme applies at once. */
  setBehaviour(behaviour: Behaviour): void;
  /** The rest of the card, its CSS added to the card the first time. */
  more(): Promise<M>;
  /** Whether the card is still on the page (the page may have removed it). */
  isShown(): boolean;
  /** Closes the card; says whether it was still on the page. */
  close(): boolean;
  /** Runs once the card has closed, however it closed. */
  onClose(listener: () => void): void;
}

/**
 * Where a card in this document keeps its Close, so that a new card of any kind can replace it: never two (a card
 * from an earlier lifetime of the extension is replaced by the handover, data/card/leave-card.ts).
 */
const world = globalThis as { [CARD_CLOSE_KEY]?: () => boolean };

/** Closes the card this document shows, of whatever kind; says whether one was still on the page. */
export const closeShownCard = (): boolean => world[CARD_CLOSE_KEY]?.() ?? false;

/** How long after the card appears screen readers are told: the live region must exist, empty, first. */
const ANNOUNCE_AFTER_MS = 100;

/** Draws the card's shell in the page; null where no card belongs (an SVG image, an XML file). */
export function openCardShell<M extends ShellMore>({ label, tabName, behaviour: initial, takeFocus, css, more }: CardShellOptions<M>): CardShell<M> | null {
  closeShownCard(); // one card per document, whatever its kind
  let behaviour = initial;
  // Judged before the card is in the page: the page's layout is still clean, so this costs no extra layout.
  let scheme = schemeFor(behaviour);
  const focusBefore = takeFocus ? document.activeElement : null;
  const ui = mountShadowHost('python-inside', cardCss + overlayCss + css);
  if (!ui) return null;

  let styled = false;
  const withMore = () =>
    more().then((m) => {
      if (!styled) ui.addStyles(m.css);
      styled = true;
      return m;
    });
  let collapsed = false;
  let held = false;
  let content: Node[] = [];
  const closeListeners: (() => void)[] = [];
  // The countdown's inputs; it restarts only when what it counts or whether it is paused changes.
  let hovered = false;
  let focused = false;
  let hidden = document.visibilityState === 'hidden';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let counting = '';

  const close = () => {
    const shown = ui.container.isConnected;
    const focusInCard = document.activeElement === ui.host;
    clearTimeout(timer);
    clearTimeout(announcing);
    document.removeEventListener('visibilitychange', onVisibility);
    ui.remove();
    if (world[CARD_CLOSE_KEY] === close) delete world[CARD_CLOSE_KEY];
    if (focusInCard && focusBefore instanceof HTMLElement && focusBefore.isConnected) focusBefore.focus({ preventScroll: true });
    closeListeners.splice(0).forEach((listener) => listener());
    return shown;
  };

  const countdown = () => {
    const shrinks = behaviour.makeRoomBy === 'collapse';
    const seconds = held || (collapsed && shrinks) ? 0 : behaviour.autoHideSeconds;
    const paused = hovered || focused || hidden;
    const state = `${seconds} ${paused}`;
    if (state === counting) return;
    counting = state;
    clearTimeout(timer);
    if (seconds > 0 && !paused) timer = setTimeout(() => (behaviour.makeRoomBy === 'collapse' ? collapse(false) : close()), seconds * 1000);
  };
  const onVisibility = () => {
    hidden = document.visibilityState === 'hidden';
    countdown();
  };
  document.addEventListener('visibilitychange', onVisibility);

  // Said by screen readers when the card appears, without moving focus: filled a moment after the (empty)
  // live region exists, which is what makes it announced.
  const announcement = el('p', { class: 'pi-sr', role: 'status' });
  const announcing = setTimeout(() => (announcement.textContent = label), ANNOUNCE_AFTER_MS);

  const shrink = el(
    'button',
    { type: 'button', class: 'pi-icon-button', 'aria-expanded': 'true', 'aria-label': t('collapse'), title: t('collapse'), onclick: () => collapse(true) },
    el('span', { 'aria-hidden': 'true' }, '−'),
  );
  const bar = el('div', { class: 'pi-bar' }, el('span', { class: 'pi-brand', 'aria-hidden': 'true' }, 'Python Inside'), shrink, closeButton(close));
  // The compact form (compact-tab.ts), made the first time the card shrinks.
  let tab: [HTMLButtonElement, HTMLButtonElement] | undefined;

  const region = el('section', { role: 'region', 'aria-label': label, tabindex: takeFocus ? -1 : null }, announcement, bar);
  const setClass = () => {
    const place = collapsed ? tabClass(behaviour.position) : placementClass(behaviour.position);
    region.className = `pi-overlay ${place}${scheme ? ` pi-scheme-${scheme}` : ''}`;
  };
  /** Shrinks to the tab or opens again; by hand (`byHand`), focus follows to the control that undoes it. */
  function setCollapsed(value: boolean, byHand: boolean) {
    if (value === collapsed || !tab || !region.isConnected) return;
    collapsed = value;
    while (region.lastChild !== announcement) region.lastChild!.remove();
    region.append(...(collapsed ? tab : [bar, ...content]));
    setClass();
    countdown();
    if (byHand) (collapsed ? tab[0] : shrink).focus();
  }
  /**
   * Shrinks to the tab, which comes with the rest of the card; if that cannot come (the extension was updated or
   * turned off meanwhile), a card whose time is up makes room all the same, by closing.
   */
  const collapse = (byHand: boolean): void => {
    withMore().then(
      (m) => {
        tab ??= m.compactTab(tabName, () => setCollapsed(false, true), close);
        setCollapsed(true, byHand);
      },
      (error: unknown) => (byHand ? logError(error) : close()),
    );
  };

  region.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    // Only the card closes: left to the browser, Escape would also close a modal dialog of the page.
    e.preventDefault();
    e.stopPropagation();
    close();
  });
  const pause = (set: () => void) => () => (set(), countdown());
  region.addEventListener('mouseenter', pause(() => (hovered = true)));
  region.addEventListener('mouseleave', pause(() => (hovered = false)));
  region.addEventListener('focusin', pause(() => (focused = true)));
  region.addEventListener('focusout', (e) => {
    const next = e.relatedTarget as Node | null;
    if (!next || !region.contains(next)) pause(() => (focused = false))();
  });

  setClass();
  ui.container.append(region);
  world[CARD_CLOSE_KEY] = close;
  countdown();
  if (takeFocus) region.focus({ preventScroll: true });

  return {
    region,
    setContent(...nodes) {
      for (const node of content) if (!nodes.includes(node)) (node as ChildNode).remove();
      content = nodes;
      if (collapsed) return;
      let after: ChildNode = bar;
      for (const node of nodes as ChildNode[]) {
        if (after.nextSibling !== node) after.after(node);
        after = node;
      }
    },
    hold(value) {
      held = value;
      countdown();
    },
    setBehaviour(next) {
      if (next.theme !== behaviour.theme || next.position !== behaviour.position) scheme = schemeFor(next, ui.host);
      behaviour = next;
      setClass();
      countdown();
    },
    more: withMore,
    isShown: () => ui.container.isConnected,
    close,
    onClose: (listener) => void closeListeners.push(listener),
  };
}
