import type { Behaviour, Position } from '@/data/settings/shape';

/**
 * Whether the page looks light or dark where the card sits, for the "match the page" theme. Judged once, when
 * the card is drawn, from computed styles only: the first (mostly) opaque background colour behind the middle of
 * the card's place, on the element there or its ancestors up to <html>; where none is, the browser's canvas, which
 * is dark only when the page's color-scheme (CSS on <html>, or its meta tag) allows dark and the system prefers
 * it, or allows only dark. Background images are not looked at.
 */
export type Scheme = 'light' | 'dark';

/** The relative luminance at which black and white text contrast equally: darker backgrounds count as dark. */
const DARK_BELOW = 0.179;
/** Half the card's usual size: the point judged is the middle of where it sits. */
const HALF_CARD = { x: 206, y: 166 };

/** WCAG relative luminance of a computed rgb()/rgba() colour; null when mostly transparent or in another form. */
export function opaqueLuminance(colour: string): number | null {
  const m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+)(%?))?\)$/.exec(colour);
  if (!m) return null;
  if (m[4] !== undefined && Number(m[4]) / (m[5] ? 100 : 1) < 0.5) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The scheme of the first opaque background from `start` up, else of the page's canvas. */
export function schemeBehind(start: Element | null, prefersDark: boolean): Scheme {
  for (let el = start; el; el = el.parentElement) {
    const luminance = opaqueLuminance(getComputedStyle(el).backgroundColor);
    if (luminance !== null) return luminance < DARK_BELOW ? 'dark' : 'light';
  }
  // The page's own color-scheme: its root's, else its <meta name="color-scheme">.
  const root = getComputedStyle(document.documentElement).colorScheme;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content;
  const allowed = (root && root !== 'normal' ? root : (meta ?? '')).split(/[\s,]+/);
  return allowed.includes('dark') && (prefersDark || !allowed.includes('light')) ? 'dark' : 'light';
}

/** The page's scheme behind the card's place in its corner, looking past the card's own host. */
export function pageScheme(position: Position, host: Element | undefined): Scheme {
  const x = position.endsWith('left') ? HALF_CARD.x : innerWidth - HALF_CARD.x;
  const y = position.startsWith('top') ? HALF_CARD.y : innerHeight - HALF_CARD.y;
  const under = document.elementsFromPoint(Math.max(0, x), Math.max(0, y)).find((el) => el !== host);
  return schemeBehind(under ?? document.body ?? document.documentElement, matchMedia('(prefers-color-scheme: dark)').matches);
}

/** The card's colours: fixed, the system's (null), or judged from the page once, when the card is drawn. */
export const schemeFor = ({ theme, position }: Behaviour, host?: Element): Scheme | null =>
  theme === 'page' ? pageScheme(position, host) : theme === 'system' ? null : theme;
