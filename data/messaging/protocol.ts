/**
 * The typed messages between contexts, and the answer that goes with each. The background checks every message
 * (parse.ts) before acting; every context sends them with askBackground (client.ts).
 */
import type { Detection } from '../detection/types';
import type { CompanyProfile } from '../profiles/schema';

export type Message =
  /** The card's gate in a tab that was hidden → background: the tab is shown now; draw the card if it is still due. */
  | { type: 'card:visible' }
  /** Card, popup or options → background: turn the card on or off for one company. */
  | { type: 'site:set-enabled'; companyId: string; enabled: boolean }
  /** Popup or options → background: make sure the bundled dataset is in IndexedDB; answers its version. */
  | { type: 'dataset:ensure' }
  /** A page whose IndexedDB fails → background: every profile, from the bundled dataset. */
  | { type: 'dataset:companies' }
  /** Card → background: open the options page (a content script cannot). */
  | { type: 'options:open' }
  /** Popup → background: what the detector found on this tab's current page. */
  | { type: 'detection:for-tab'; tabId: number }
  /** Popup → background: show the card on this tab now, whatever the settings say ("Show the card here"). */
  | { type: 'card:show'; tabId: number };

/**
 * `granted`: detection is on. `checkable`: the tab shows an http(s) page. `detections`: what was found on the
 * page the tab shows now, or null when it has not been checked (yet).
 */
export interface TabDetectionResponse {
  granted: boolean;
  checkable: boolean;
  detections: Detection[] | null;
}

export interface ResponseFor {
  'card:visible': { shown: boolean };
  'site:set-enabled': { ok: true; enabled: boolean };
  /** `problem` says why the database is not in use (the bundled copy in memory is), or null. */
  'dataset:ensure': { version: string; problem: string | null };
  'dataset:companies': { version: string; companies: CompanyProfile[]; problem: string | null };
  'options:open': { ok: true };
  'detection:for-tab': TabDetectionResponse;
  /** `shown`: the card is on the tab's page now (false: the tab is gone, not covered, or refuses extensions). */
  'card:show': { shown: boolean };
}
