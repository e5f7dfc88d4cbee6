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
 * Out of the page's flow (fixed, no size): adding the card never makes the browser lay the page out again.
 */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const HOST_CSS =
  ':host{all:initial !important;position:fixed !important;top:0 !important;left:0 !important;width:0 !important;' +
  'height:0 !important;margin:0 !important;padding:0 !important;border:0 !important;overflow:visible !important;' +
  'display:block !important;visibility:visible !important;opacity:1 !important;z-index:2147483647 !important}\n';

export interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
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
    shadow.adoptedStyleSheets = [sheet];
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

  // The zoom the page put on the host or its ancestors, undone one level down, so the card's own is 1.
  const unzoom = () => (container.style.zoom = String(1 / ((host as { currentCSSZoom?: number }).currentCSSZoom || 1)));
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
    remove: () => {
      stopFollowing();
      removeEventListener('resize', unzoom);
      host.remove();
    },
  };
}
