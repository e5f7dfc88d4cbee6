/**
 * The handover's first step, run in the page's isolated world by the background (injection.ts) just before a
 * card's script: it leaves the card's content there, and the judge of the page's colours that the card's scripts
 * use for the "match the page" theme. The judge travels here rather than in the card scripts because this
 * function is sent with every card anyway, as its source (scripting.executeScript's `func`), while every byte of
 * overlay.js is fetched and compiled with each showing: it is the largest piece of the card that needs no code of
 * the card's own. Self-contained for that reason: executeScript sends only this function's source, so nothing
 * here may use anything outside it.
 */
import type { Position } from '../settings/shape';

/** Whether the page looks light or dark where the card sits. */
export type Scheme = 'light' | 'dark';

/**
 * The page's scheme behind the middle of the card's place in its corner, looking past the card's own host.
 * Judged from computed styles only: the first (mostly) opaque background colour on the element there or its
 * ancestors up to <html>; where none is, the browser's canvas, which is dark only when the page's color-scheme
 * (CSS on <html>, or its meta tag) allows dark and the system prefers it, or allows only dark. Background images
 * are not looked at.
 */
export type JudgeScheme = (position: Position, host?: Element) => Scheme;

/** Where leaveCard puts the judge: a global of the card's isolated world (pages never see it). */
export const JUDGE_SCHEME_KEY = '__pythonInsideJudgeScheme';

/**
 * Leaves `card` under `key` and the judge under `judgeKey`, only in a web page of the host the card is for (the
 * tab may have moved on to another site meanwhile, whose own gate may already have let its own card through). A
 * card the gate let through goes only to a document the gate saw visible; a card the user asked for goes to any
 * web page of that host. Says whether it left them.
 *
 * Every card, of either kind, whether it came by itself or was asked for, is handed over here, so this is where a
 * card drawn in an earlier lifetime of the extension (before an update, a reload, or off and on) is taken off
 * the page: it belongs to an isolated world that is gone or orphaned, and its buttons can no longer reach the
 * extension (in Firefox they do nothing at all). The new card takes its place: never two. While this lifetime's
 * card shows (its Close under `closeKey`), every card on the page is this lifetime's, and the card script decides
 * (the shortcut hides it; the popup's buttons replace it).
 */
export function leaveCard(key: string, judgeKey: string, gateKey: string, closeKey: string, pageTypes: string[], host: string, card: { request?: string }): boolean {
  const world = globalThis as unknown as Record<string, unknown>;
  if (!pageTypes.includes(document.contentType) || location.hostname !== host) return false;
  if (!card.request && world[gateKey] !== 'visible') return false;
  // A card's host is a child of <html>, or of the modal <dialog> it moved into: only those are looked at, not
  // every element (a query of the whole document took 1-2.5 ms of the page's time on a large page).
  if (!world[closeKey]) {
    for (const parent of [document.documentElement, ...document.getElementsByTagName('dialog')]) {
      for (const old of [...parent.children]) {
        if (old.matches('python-inside, [data-python-inside]') && old.shadowRoot?.querySelector('.pi-overlay')) old.remove();
      }
    }
  }

  /** WCAG relative luminance of a computed rgb()/rgba() colour; null when mostly transparent or in another form. */
  const opaqueLuminance = (colour: string): number | null => {
    const m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+)(%?))?\)$/.exec(colour);
    if (!m) return null;
    if (m[4] !== undefined && Number(m[4]) / (m[5] ? 100 : 1) < 0.5) return null;
    const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const judge: JudgeScheme = (position, cardHost) => {
    // The middle of where the card usually sits (half of its usual size in from the corner).
    const x = position.endsWith('left') ? 206 : innerWidth - 206;
    const y = position.startsWith('top') ? 166 : innerHeight - 166;
    const under = document.elementsFromPoint(Math.max(0, x), Math.max(0, y)).find((el) => el !== cardHost);
    for (let el: Element | null = under ?? document.body ?? document.documentElement; el; el = el.parentElement) {
      const luminance = opaqueLuminance(getComputedStyle(el).backgroundColor);
      // 0.179: where black and white text contrast equally; darker backgrounds count as dark.
      if (luminance !== null) return luminance < 0.179 ? 'dark' : 'light';
    }
    // The page's own color-scheme: its root's, else its <meta name="color-scheme">, looked for in <head>, where
    // it belongs: a page without one would otherwise be searched element by element (0.5 ms on a large page).
    const root = getComputedStyle(document.documentElement).colorScheme;
    const meta = document.head?.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content;
    const allowed = (root && root !== 'normal' ? root : (meta ?? '')).split(/[\s,]+/);
    return allowed.includes('dark') && (matchMedia('(prefers-color-scheme: dark)').matches || !allowed.includes('light')) ? 'dark' : 'light';
  };
  world[judgeKey] = judge;
  world[key] = card;
  return true;
}
