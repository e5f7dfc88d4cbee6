/**
 * What passes between the background and the card script it injects: the background leaves the card's content
 * in the page's isolated world (entrypoints/background/card/injection.ts), the card script takes it from there
 * (entrypoints/overlay). Both read the key from here.
 */
import type { Detection } from '../detection/types';
import type { CompanyProfile } from '../profiles/schema';
import type { Behaviour } from '../settings/shape';

/** A card the user asked for: by the keyboard shortcut (shows or hides it) or the popup's button (shows it). */
export type CardRequest = 'toggle' | 'show';

/** Whether the card is due on a page, and with what: the background's card policy decides. */
export type CardVerdict =
  | { show: true; company: CompanyProfile; behaviour: Behaviour }
  | { show: false; reason: 'not-covered' | 'disabled' | 'never' | 'already-shown' };

/** What the card script finds: the verdict, and whether the person asked for the card (`request`). */
export type HandedCard = CardVerdict & { request?: CardRequest };

/** Where the card script finds it: a global of the extension's isolated world, which pages cannot see. */
export const CARD_DATA_KEY = '__pythonInsideCard';

/**
 * What the detection card's script (entrypoints/detection-card) finds: what the detector found on the page, and
 * how the card behaves. Only ever handed over because the person asked (`request`): detections never bring a card
 * by themselves.
 */
export interface HandedDetections {
  detections: Detection[];
  behaviour: Behaviour;
  request: CardRequest;
}

/** Where the detection card's script finds it, in the same isolated world. */
export const DETECTIONS_DATA_KEY = '__pythonInsideDetections';
