import type { Position } from '@/data/settings-shape';

const GAP = '16px';

/**
 * Inline styles for the card's host element: fixed in a corner, above the page, out of the page's flow (no
 * layout shift). Set inline with !important so page stylesheets cannot move or hide it by accident.
 */
export function hostPlacement(position: Position): Record<string, string> {
  const [vertical, horizontal] = position.split('-') as ['top' | 'bottom', 'left' | 'right'];
  return {
    position: 'fixed',
    'z-index': '2147483647',
    display: 'block',
    width: `min(380px, calc(100vw - 2 * ${GAP}))`,
    top: vertical === 'top' ? GAP : 'auto',
    bottom: vertical === 'bottom' ? GAP : 'auto',
    left: horizontal === 'left' ? GAP : 'auto',
    right: horizontal === 'right' ? GAP : 'auto',
    margin: '0',
    padding: '0',
  };
}

export function placeHost(host: HTMLElement, position: Position): void {
  for (const [property, value] of Object.entries(hostPlacement(position))) {
    host.style.setProperty(property, value, 'important');
  }
}
