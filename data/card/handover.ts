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

/**
 * The card's words in the reader's language, made by the background (data/i18n/card-words.ts): the messages its
 * scripts use, with substitutions still to fill, and the month its profile was last reviewed ("December 2026").
 */
export interface CardWords {
  messages: Record<string, string>;
  reviewed: string;
  digest: DigestWords;
}

/**
 * The digest's lines that would otherwise be worked out in the page from the whole profile (its areas, tools,
 * sources and their years), worded by the background: what the card script does not carry, every showing of
 * the card does not fetch and compile.
 */
export interface DigestWords {
  /** The areas of its uses, in the card's order: "Web backend, Machine learning". */
  areas: string;
  /** Every tool its uses name, once each, in order. */
  tools: string[];
  /** "2 from Acme itself, 1 third-party" */
  sources: string;
  /** "Sources from 2020 to 2021 · reviewed November 2026" */
  freshness: string;
  /** "Show all 3 uses and 2 sources" */
  showAll: string;
}

/**
 * What the card script finds: the verdict, whether the person asked for the card (`request`), and, with a card to
 * show, its words.
 */
export type HandedCard = ((CardVerdict & { show: false }) | (CardVerdict & { show: true; words: CardWords })) & { request?: CardRequest };

/**
 * Where the card showing in a document keeps its Close (components/card/shell.ts), in the isolated world: set
 * only while this extension lifetime's card is on the page.
 */
export const CARD_CLOSE_KEY = '__pythonInsideClose';

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
