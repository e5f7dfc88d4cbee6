/**
 * Puts the card into a tab once its page has loaded, and only when the card is due there: a covered, enabled
 * site whose card has not shown yet this session (or every load, if so set). Every other page gets nothing,
 * not even a script that decides to do nothing; and injecting after the load event means the page's own
 * loading is never held up (docs/performance.md has the measurements behind this).
 *
 * The order: look whether the card is due (records nothing) → the gate (page-gate.ts) says whether the document
 * is a web page and visible → claim the showing → hand the card over. A page that failed to load, or was never
 * shown, spends nothing.
 *
 * The detection card (what the detector found on a page without a profile) never comes by itself: only the
 * keyboard shortcut and the popup's "Show on page" hand it over (cardOnRequest).
 */
import { browser } from 'wxt/browser';
import { hostnameOfUrl } from '@/data/profiles/match';
import { CARD_CLOSE_KEY, CARD_DATA_KEY, DETECTIONS_DATA_KEY, type CardRequest, type CardVerdict, type HandedCard, type HandedDetections } from '@/data/card/handover';
import { JUDGE_SCHEME_KEY, leaveCard } from '@/data/card/leave-card';
import { cardWords } from '@/data/i18n/card-words';
import { detectionGranted } from '@/data/detection/access';
import { getSettings } from '@/data/settings/store';
import { behaviourOf } from '@/data/settings/shape';
import { cardDue, claimCard } from './policy';
import { companyForHost } from '../lookup';
import { detectionsFor } from '../detection/tab-detections';
import { GATE_KEY, runGate, WEB_PAGE_TYPES } from './page-gate';

export const CARD_SCRIPT = '/overlay.js';
/** The rest of the card (components/card/card-more.ts), injected only when the card needs it. */
export const CARD_MORE_SCRIPT = '/overlay-more.js';
/**
 * The detection card's own script: what the detector found on a page without a profile, drawn like the card.
 * Separate from CARD_SCRIPT so that covered pages, which get the card by itself, carry none of it; it only ever
 * goes to a page because the person asked.
 */
export const DETECTION_CARD_SCRIPT = '/detection-card.js';

/** Which card goes where: the profile card's content and script, or the detection card's. */
type Handover = { key: typeof CARD_DATA_KEY; script: typeof CARD_SCRIPT; content: HandedCard } | { key: typeof DETECTIONS_DATA_KEY; script: typeof DETECTION_CARD_SCRIPT; content: HandedDetections };

/**
 * Hands a card its content (into the extension's isolated world, with the judge of the page's colours:
 * data/card/leave-card.ts) and then the script that draws it.
 * Says whether both arrived: the tab may have navigated away or closed in the meantime.
 */
async function handOver(tabId: number, host: string, { key, script, content }: Handover): Promise<boolean> {
  try {
    const [left] = await browser.scripting.executeScript({
      target: { tabId },
      func: leaveCard,
      args: [key, JUDGE_SCHEME_KEY, GATE_KEY, CARD_CLOSE_KEY, WEB_PAGE_TYPES, host, content],
      injectImmediately: true,
    });
    if (left?.result !== true) return false;
    await browser.scripting.executeScript({ target: { tabId }, files: [script], injectImmediately: true });
    return true;
  } catch {
    return false;
  }
}

/** The profile card, with its words made here (card-words.ts): its messages, its review month and its digest's lines. */
const handCard = (tabId: number, host: string, card: CardVerdict & { request?: CardRequest }) =>
  handOver(tabId, host, { key: CARD_DATA_KEY, script: CARD_SCRIPT, content: card.show ? { ...card, words: cardWords(card.company) } : card });

/**
 * The page in the tab is visible now: claims the showing and draws the card, or gives the showing back if the
 * card could not reach the page. Says whether the card was handed over.
 */
export async function showCardNow(tabId: number, host: string | null): Promise<boolean> {
  const { card, release } = await claimCard(host);
  if (!card.show || !host) return false;
  if (await handCard(tabId, host, card)) return true;
  await release();
  return false;
}

/**
 * A page finished loading (or was already open when this extension lifetime began): if the card is due, the
 * gate looks at the page, and the card is drawn now if the page is loaded and visible, or once it is. Says
 * whether the card was handed over now.
 */
export async function offerCard(tabId: number, url: string | undefined): Promise<boolean> {
  const host = hostnameOfUrl(url); // undefined for every site we have no access to: nothing to do there
  if (!host || !(await cardDue(host)).show) return false;
  return (await runGate(tabId, host)) === 'visible' ? showCardNow(tabId, host) : false;
}

/**
 * The tabs already open when this extension lifetime began, loaded or still loading. Their pages get no
 * 'complete' event to wait for: Chromium drops the events of a page that loads before a freshly installed
 * worker's listeners are registered, and its tabs event router, created when the profile's first tabs listener
 * is added, never reports 'complete' for a page that was already loading then; restored tabs and tabs open
 * across an update or a re-enable have no event to come at all. Each gets the same offer as a page that just
 * loaded, and the gate waits for a page still loading.
 */
export async function offerCardToOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : offerCard(tab.id, tab.url))));
}

/** Which card a request is for: the profile's ("Show the card here"), the detector's ("Show on page"), or whichever the page has (the shortcut). */
type Wanted = 'profile' | 'detections' | 'either';

/**
 * What the detector found on the page the tab shows now, when detection is on and found something; else null.
 * Without detection's access to all sites there is nothing: its findings went when the access did, and the tab's
 * URL on an uncovered site is not even visible.
 */
async function detectionsToShow(tabId: number, url: string): Promise<HandedDetections['detections'] | null> {
  if (!(await detectionGranted())) return null;
  const detections = await detectionsFor(tabId, url);
  return detections?.length ? detections : null;
}

/**
 * A card the user asked for on this tab, whatever the settings say (turned off, already shown, set to never):
 * `toggle` (the keyboard shortcut) hides the card if it is showing and shows it otherwise; `show` (the popup's
 * buttons) shows it. On a covered page that is the profile's card; on any other page, the detection card, if
 * detection is on and found signs of Python there. Says whether the card script ran in the page: not on a page
 * with neither, nor where no card belongs (an SVG or a PDF) or no extension may run (an error page, the
 * browser's web store).
 */
async function cardOnRequest(tabId: number, url: string | undefined, request: CardRequest, wanted: Wanted): Promise<boolean> {
  const host = hostnameOfUrl(url);
  if (!host || !url) return false;
  const company = await companyForHost(host);
  if (company) return wanted !== 'detections' && handCard(tabId, host, { show: true, company, behaviour: behaviourOf(await getSettings()), request });
  const detections = wanted === 'profile' ? null : await detectionsToShow(tabId, url);
  if (!detections) return false;
  const content = { detections, behaviour: behaviourOf(await getSettings()), request };
  return handOver(tabId, host, { key: DETECTIONS_DATA_KEY, script: DETECTION_CARD_SCRIPT, content });
}

/** The keyboard shortcut (TOGGLE_COMMAND), for the tab it was pressed in: the card the page has, if any. */
export const toggleCard = (tabId: number, url: string | undefined) => cardOnRequest(tabId, url, 'toggle', 'either');

/**
 * A card the popup asked for on a tab. The page is whatever the tab shows now, read from the browser, never a
 * hostname the popup claims.
 */
async function showOnTab(tabId: number, wanted: Exclude<Wanted, 'either'>): Promise<boolean> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined); // closed meanwhile
  return tab ? cardOnRequest(tabId, tab.url, 'show', wanted) : false;
}

/** The popup's "Show the card here", on a covered tab. */
export const showCardOnTab = (tabId: number) => showOnTab(tabId, 'profile');

/** The popup's "Show on page" under what the detector found on the tab's page. */
export const showDetectionsOnTab = (tabId: number) => showOnTab(tabId, 'detections');

/**
 * The rest of the card (the full profile, the note after "Don't show on this site", settings changes) is a second
 * script, injected only when the card needs it, into the frame the card asked from and its isolated world, where
 * the card finds it. Says whether it ran there: not when the tab has moved on or closed meanwhile (the card is
 * gone with its page).
 */
export async function injectCardMore(tabId: number, frameId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_MORE_SCRIPT], injectImmediately: true });
    return true;
  } catch {
    return false;
  }
}
