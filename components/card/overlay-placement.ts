import type { Position } from '@/data/settings/shape';

/**
 * The card is fixed in a corner by its own class inside the shadow root. Its host element stays an empty inline
 * box: WXT resets the host with `:host { all: initial !important }`, which (being inside the shadow tree) also
 * beats any !important rule a page aims at <python-inside>, so the page can neither move nor restyle the card.
 */
export const placementClass = (position: Position) => `pi-at-${position}`;

/** The compact form waits on the same side of the window as the card's corner. */
export const tabClass = (position: Position) => `pi-tab pi-tab-${position.endsWith('left') ? 'left' : 'right'}`;
