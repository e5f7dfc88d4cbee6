import { followModalDialogs } from './modal-dialogs';

/**
 * The card's host in the page: <python-inside> with an open shadow root holding its styles and a container.
 *
 * Built to survive hostile pages:
 * - `:host { all: initial !important }`: important declarations inside a shadow tree beat the page's own, so no
 *   page rule (`* { all: unset !important }`, `display: none`) reaches the card;
 * - shown in the top layer as a manual popover where supported, so transforms, filters or z-indexes on the
 *   page's own elements cannot move, clip or cover it;
 * - styles adopted as a constructed stylesheet where possible, which a strict page CSP does not govern;
 * - if the page has taken the name `python-inside` (its own custom element), a plain <div> hosts the card;
 * - CSS `zoom` on the page's <html> or <body> (or a dialog the card moved into) is undone inside the card, which
 *   would otherwise grow with it and leave the window; the browser's own zoom, the person's choice, still applies;
 * - above a modal <dialog> of the page, the card moves into it to stay reachable (modal-dialogs.ts).
 * Out of the page's flow: fixed, the size of the window, and contained (`contain: strict`), so the page is laid
 * out and painted as it was, and whatever changes in the card later (its announcement, its tab) is laid out
 * within the host alone (measured: 0.3 ms instead of 1.2 ms on a large page). The host takes no pointer events
 * (the card itself does), so the page under it stays clickable.
 */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;
const HTML_NS = 'http://www.w3.org/1999/xhtml';
// `all: initial !important` already gives every property its initial value whatever the page says (no margin,
// padding or border; visible; opaque): only the values that differ from the initial ones are set after it.
const HOST_CSS =
  ':host{all:initial!important;position:fixed!important;top:0!important;left:0!important;width:100%!important;' +
  'height:100%!important;contain:strict!important;pointer-events:none!important;display:block!important;' +
  'z-index:2147483647!important}\n';

export interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
  /** More styles, for a part drawn later with CSS of its own (the full profile). */
  addStyles(css: string): void;
  remove(): void;
}

function hostWithShadow(name: string): { host: HTMLElement; shadow: ShadowRoot } {
  try {
    const host = document.createElement(name);
    return { host, shadow: host.attachShadow({ mode: 'open' }) };
  } catch {
    // The page defined `name` as its own element (with its own shadow root): use a name no page can define.
    const host = document.createElement('div');
    host.dataset.pythonInside = '';
    return { host, shadow: host.attachShadow({ mode: 'open' }) };
  }
}

function adoptStyles(shadow: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

/** The mounted host, or null where a card does not belong (an SVG or XML document). */
export function mountShadowHost(name: string, css: string): ShadowHost | null {
  const root = document.documentElement;
  if (!root || root.namespaceURI !== HTML_NS) return null;
  const { host, shadow } = hostWithShadow(name);
  adoptStyles(shadow, HOST_CSS + css);
  const container = document.createElement('div');
  shadow.append(container);
  // Keys typed in the card must not reach the site's shortcuts (YouTube's "k", Reddit's "j").
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  if ('showPopover' in host) host.popover = 'manual';

  // The zoom the page put on the host's ancestors, undone one level down, so the card's own is 1. Read from the
  // host's parent, whose style is settled: reading the new host's own would make the browser work out its style
  // there and then, and again once the card is in it.
  const unzoom = () => {
    const zoom = (host.parentElement as { currentCSSZoom?: number } | null)?.currentCSSZoom;
    container.style.zoom = String(1 / (zoom || 1));
  };
  const place = (parent: Element) => {
    const focused = shadow.activeElement as HTMLElement | null;
    parent.append(host); // leaving the top layer on the way: shown again, so it is drawn above everything there
    try {
      host.showPopover?.();
    } catch {
      // Not in the top layer (an older browser, or the page removed the host at once): it still shows in place.
    }
    unzoom();
    focused?.focus();
  };
  place(root);
  const stopFollowing = followModalDialogs(host, place);
  addEventListener('resize', unzoom); // a page may zoom itself by media query
  return {
    host,
    container,
    addStyles: (more) => adoptStyles(shadow, more),
    remove: () => {
      stopFollowing();
      removeEventListener('resize', unzoom);
      host.remove();
    },
  };
}
