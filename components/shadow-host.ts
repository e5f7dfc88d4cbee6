/**
 * The card's host in the page: <python-inside> with an open shadow root holding its styles and a container.
 * `:host { all: initial !important }` cuts off everything the page's CSS could pass in; important declarations
 * inside a shadow tree beat the page's own, so a site cannot hide or restyle the card.
 */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export interface ShadowHost {
  container: HTMLElement;
  remove(): void;
}

export function mountShadowHost(name: string, css: string): ShadowHost {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  // Out of the page's flow (fixed, no size): adding the card never makes the browser lay the page out again.
  style.textContent = `:host{all:initial !important;position:fixed !important;top:0 !important;left:0 !important;width:0 !important;height:0 !important;z-index:2147483647 !important}\n${css}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Keys typed in the card must not reach the site's shortcuts (YouTube's "k", Reddit's "j").
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  document.documentElement.append(host);
  return { container, remove: () => host.remove() };
}
