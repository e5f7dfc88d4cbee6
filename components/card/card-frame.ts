/**
 * The in-page card's frame, drawn with the DOM API (no Preact): the same element, classes and controls as
 * OverlayCard's, so it looks, sits and goes away the same way. A region named for what it shows (said by screen
 * readers as it appears, without moving focus), a bar with Shrink and Close, Escape to close while focus is
 * inside, and when its time is up (the settings' countdown, paused while the pointer is over it, focus is in it
 * or the tab is hidden) it shrinks to a tab at the side of the window or closes. A card the person asked for
 * takes focus as it opens.
 *
 * The detection card uses it (entrypoints/detection-card); it is kept apart from the profile card's Preact
 * components so that neither script carries the other's code.
 */
import { t } from '@/data/i18n/translate';
import type { Behaviour } from '@/data/settings/shape';
import { button, el } from './dom';
import { placementClass, tabClass } from './overlay-placement';
import type { Scheme } from './page-scheme';

export interface FrameContent {
  /** The region's accessible name, said when the card appears. */
  label: string;
  /** The compact form's mark, as on the toolbar badge ("Py?"), and the name beside it. */
  mark: string;
  tabName: string;
  /** What the card shows, under its bar. */
  body: Node;
}

export interface FrameOptions {
  behaviour: Behaviour;
  /** Fixed colours, or null to follow the system (the theme setting, "match the page" already judged). */
  scheme: Scheme | null;
  /** The person asked for this card: focus moves into it as it opens. */
  takeFocus: boolean;
  onClose: () => void;
}

export interface CardFrame {
  /** Other settings (corner, colours, countdown) apply at once. */
  update(behaviour: Behaviour, scheme: Scheme | null): void;
  /** The card is going: its timers and its listener on the document stop. */
  stop(): void;
}

/** Draws the card into `container` (the shadow host's) and keeps it as the person and the settings change it. */
export function cardFrame(container: HTMLElement, content: FrameContent, options: FrameOptions): CardFrame {
  let { behaviour, scheme } = options;
  let collapsed = false;
  const status = el('p', { class: 'pi-sr', role: 'status' });
  const region = el('section', { role: 'region', 'aria-label': content.label, tabindex: options.takeFocus ? '-1' : undefined }, status);
  const close = () => button({ class: 'pi-icon-button', 'aria-label': t('close'), title: t('closeTitle') }, options.onClose, el('span', { 'aria-hidden': 'true' }, '×'));
  // The person shrank or opened the card: focus follows to the control that undoes it.
  const collapseByHand = (value: boolean) => {
    collapsed = value;
    draw();
    (collapsed ? open : shrink).focus();
  };
  const shrink = button({ class: 'pi-icon-button', 'aria-expanded': 'true', 'aria-label': t('collapse'), title: t('collapse') }, () => collapseByHand(true), el('span', { 'aria-hidden': 'true' }, '−'));
  const open = button(
    { class: 'pi-tab-open', 'aria-expanded': 'false', title: t('expand') },
    () => collapseByHand(false),
    el('span', { class: 'pi-tab-mark', 'aria-hidden': 'true' }, content.mark),
    el('span', { class: 'pi-tab-name' }, content.tabName),
  );
  const full = [el('div', { class: 'pi-bar' }, el('span', { class: 'pi-brand', 'aria-hidden': 'true' }, 'Python Inside'), shrink, close()), el('div', { class: 'pi-scroll' }, content.body)];
  const compact = [open, close()];

  let drawn: boolean | undefined;
  function draw() {
    const where = collapsed ? tabClass(behaviour.position) : placementClass(behaviour.position);
    region.className = `pi-overlay ${where}${scheme ? ` pi-scheme-${scheme}` : ''}`;
    // The controls are swapped only when the form changes: a settings change must not take focus from them, and
    // the live region stays where it is.
    if (drawn !== collapsed) {
      drawn = collapsed;
      while (status.nextSibling) status.nextSibling.remove();
      region.append(...(collapsed ? compact : full));
    }
    countdown();
  }

  // The countdown, as the profile card's (useAutoHide): it restarts from the full time whenever its length or
  // whether it is paused changes, and runs only while the card takes room (not as a tab that stays).
  let hovered = false;
  let focused = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = '';
  function countdown() {
    const shrinks = behaviour.makeRoomBy === 'collapse';
    const seconds = collapsed && shrinks ? 0 : behaviour.autoHideSeconds;
    const paused = hovered || focused || document.visibilityState === 'hidden';
    const state = `${seconds}:${paused}`;
    if (state === running) return;
    running = state;
    clearTimeout(timer);
    if (seconds <= 0 || paused) return;
    timer = setTimeout(() => {
      if (!shrinks) return options.onClose();
      collapsed = true;
      draw();
    }, seconds * 1000);
  }
  const set = (change: () => void) => () => (change(), countdown());
  region.addEventListener('mouseenter', set(() => (hovered = true)));
  region.addEventListener('mouseleave', set(() => (hovered = false)));
  region.addEventListener('focusin', set(() => (focused = true)));
  region.addEventListener('focusout', (e) => {
    const next = e.relatedTarget as Node | null;
    if (!next || !region.contains(next)) set(() => (focused = false))();
  });
  const visibility = () => countdown();
  document.addEventListener('visibilitychange', visibility);
  region.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    // Only the card closes: left to the browser, Escape would also close a modal dialog of the page.
    e.preventDefault();
    e.stopPropagation();
    options.onClose();
  });

  draw();
  container.append(region);
  if (options.takeFocus) region.focus({ preventScroll: true });
  // Filled a moment after the (empty) live region exists, which is what makes screen readers say it.
  const announce = setTimeout(() => (status.textContent = content.label), 100);

  return {
    update(next, nextScheme) {
      behaviour = next;
      scheme = nextScheme;
      draw();
    },
    stop() {
      clearTimeout(timer);
      clearTimeout(announce);
      document.removeEventListener('visibilitychange', visibility);
    },
  };
}
