/**
 * The first thing a page where the card is due receives: a few lines that say whether the card belongs there
 * and when the person can see it. They run in the extension's isolated world (the page cannot see or fake
 * them) and leave a mark there, so one document is offered the card once, however many times it is asked.
 *
 * A card only counts as shown once it could be seen: in a tab that is hidden (opened in the background, or
 * restored but not yet looked at) the gate waits for the tab to be shown and then tells the background, which
 * claims the showing and draws the card. A page still loading (one found mid-load when the extension's
 * lifetime began) is waited for the same way. Only documents that are web pages get a card: not a PDF, an
 * image, media, JSON or plain text the browser renders itself, nor an SVG or XML file.
 */
import { browser } from 'wxt/browser';

/** Where the gate keeps its state in the isolated world: 'waiting' for the tab to be shown, then 'visible'. */
export const GATE_KEY = '__pythonInsideGate';
/** The message the gate sends when a hidden tab it waited in is shown. */
export const VISIBLE_MESSAGE = { type: 'card:visible' } as const;
/** The document types that are web pages. */
export const WEB_PAGE_TYPES = ['text/html', 'application/xhtml+xml'];

/**
 * What the gate found: 'visible' (loaded and visible: claim the showing now), 'waiting' (it will send
 * VISIBLE_MESSAGE once the page has loaded and is shown), 'offered' (this document was offered the card
 * before), 'not-a-page', 'elsewhere' (the tab still shows the page it is leaving), or 'unreachable' (an error
 * page, a tab that closed).
 */
export type GateState = 'visible' | 'waiting' | 'offered' | 'not-a-page' | 'elsewhere' | 'unreachable';

/** Runs in the page. Self-contained: executeScript sends only this function's source. */
function gate(key: string, host: string, pageTypes: string[], message: unknown): GateState {
  const world = globalThis as unknown as Record<string, unknown>;
  if (location.hostname !== host) return 'elsewhere';
  if (world[key]) return 'offered';
  if (!pageTypes.includes(document.contentType) || document.documentElement?.namespaceURI !== 'http://www.w3.org/1999/xhtml') return 'not-a-page';
  const ready = () => document.readyState === 'complete' && document.visibilityState === 'visible';
  if (ready()) {
    world[key] = 'visible';
    return 'visible';
  }
  world[key] = 'waiting';
  const api = (world.browser ?? world.chrome) as { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const onChange = () => {
    if (!ready()) return;
    document.removeEventListener('visibilitychange', onChange);
    removeEventListener('load', onChange);
    world[key] = 'visible';
    // A rejection means the extension was updated or turned off meanwhile: its next lifetime looks again.
    api.runtime.sendMessage(message).catch(() => undefined);
  };
  document.addEventListener('visibilitychange', onChange);
  addEventListener('load', onChange);
  return 'waiting';
}

/** Puts the gate into the top document of the tab that shows (or is loading) a page of `host`; says what it found. */
export async function runGate(tabId: number, host: string): Promise<GateState> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: gate,
      args: [GATE_KEY, host, WEB_PAGE_TYPES, VISIBLE_MESSAGE],
      injectImmediately: true,
    });
    return (result?.result as GateState | undefined) ?? 'unreachable';
  } catch {
    return 'unreachable'; // the browser's error page, a tab that closed or navigated to a page we may not touch
  }
}
