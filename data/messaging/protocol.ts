/**
 * The typed messages between contexts, and the answer that goes with each. The background checks every message
 * (parse.ts) before acting; every context sends them with askBackground (client.ts).
 */
import type { Detection } from '../detection/types';
import type { CompanyProfile } from '../profiles/schema';

export type Message =
  /** The card's gate in a tab that was hidden → background: the tab is shown now; draw the card if it is still due. */
  | { type: 'card:visible' }
  /** Card or popup → background: turn the card on or off for one company. */
  | { type: 'site:set-enabled'; companyId: string; enabled: boolean }
  /** Browse page → background: make sure the bundled dataset is in IndexedDB; answers its version. */
  | { type: 'dataset:ensure' }
  /** Options page, or the browse page when its IndexedDB fails → background: every profile, and why IndexedDB is not in use. */
  | { type: 'dataset:companies' }
  /** Card → background: open the options page (a content script cannot). */
  | { type: 'options:open' }
  /** Card → background: inject the rest of the card (the full profile, the note after "Don't show") into its frame. */
  | { type: 'card:more' }
  /** Popup → background: the tab's company, or what the detector found there, in one answer. */
  | { type: 'popup:open'; tabId: number | null }
  /** → background: what the detector found on this tab's current page (the popup has it in popup:open). */
  | { type: 'detection:for-tab'; tabId: number }
  /** Popup → background: show the card on this tab now, whatever the settings say ("Show the card here"). */
  | { type: 'card:show'; tabId: number }
  /** Popup → background: show what the detector found, with its evidence, in a card on this tab now ("Show on page"). */
  | { type: 'detection:show'; tabId: number };

/**
 * `granted`: detection is on. `checkable`: the tab shows an http(s) page. `detections`: what was found on the
 * page the tab shows now, or null when it has not been checked (yet).
 */
export interface TabDetectionResponse {
  granted: boolean;
  checkable: boolean;
  detections: Detection[] | null;
}

/**
 * What the popup shows about the tab it was opened for, in one message. The popup reads the rest itself: the
 * settings (whether the company's card is on) and, only when its search is shown, every profile (IndexedDB).
 */
export interface PopupView {
  /** The tab it is about: the one the popup named, or its window's active tab; null without one. */
  tabId: number | null;
  /** The company whose site the tab shows; null on any other page, or without a tab. */
  company: CompanyProfile | null;
  /** On a page without a profile, what the detector says about it; null without a tab. */
  detection: TabDetectionResponse | null;
}

export interface ResponseFor {
  'card:visible': { shown: boolean };
  'site:set-enabled': { ok: true; enabled: boolean };
  /** `problem` says why the database is not in use (the bundled copy in memory is), or null. */
  'dataset:ensure': { version: string; problem: string | null };
  'dataset:companies': { version: string; companies: CompanyProfile[]; problem: string | null };
  'options:open': { ok: true };
  /** `injected`: the rest of the card ran in the card's frame (false: the sender is not a card in a tab). */
  'card:more': { injected: boolean };
  'popup:open': PopupView;
  'detection:for-tab': TabDetectionResponse;
  /** `shown`: the card is on the tab's page now (false: the tab is gone, not covered, or refuses extensions). */
  'card:show': { shown: boolean };
  /** `shown`: the detection card is on the tab's page now (false: detection is off, nothing was found there, or the page refuses extensions). */
  'detection:show': { shown: boolean };
}
