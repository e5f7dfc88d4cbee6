import { afterEach, describe, expect, it, vi } from 'vitest';
import { JUDGE_SCHEME_KEY, leaveCard, type JudgeScheme } from '@/data/card/leave-card';
import { schemeFor } from '@/components/card/page-scheme';
import { DEFAULT_SETTINGS, behaviourOf } from '@/data/settings/shape';

// leaveCard runs in the page as executeScript's func; here it runs in happy-dom's document, which has no layout:
// what lies under the card's corner is given with elementsFromPoint, the system's preference with matchMedia.
const world = globalThis as unknown as Record<string, unknown>;
const KEY = '__testCard';
const GATE = '__testGate';
const CLOSE = '__testClose';

function hand(card: { request?: string } = { request: 'show' }, host = location.hostname, types = [document.contentType]) {
  return leaveCard(KEY, JUDGE_SCHEME_KEY, GATE, CLOSE, types, host, card);
}
const judge = () => world[JUDGE_SCHEME_KEY] as JudgeScheme;

/** What the page has at the card's spot, top first (happy-dom has no elementsFromPoint of its own). */
const at = (elements: Element[]) => Object.defineProperty(document, 'elementsFromPoint', { value: () => elements, configurable: true });

function under(element: Element | null, prefersDark = false) {
  at(element ? [element] : []);
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: prefersDark && query === '(prefers-color-scheme: dark)' }));
}

afterEach(() => {
  Reflect.deleteProperty(document, 'elementsFromPoint');
  vi.unstubAllGlobals();
  for (const key of [KEY, GATE, CLOSE, JUDGE_SCHEME_KEY]) delete world[key];
  for (const host of [...document.documentElement.children]) if (host.localName === 'python-inside') host.remove();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

describe('leaveCard', () => {
  it('leaves a card the person asked for, with the judge of the page colours', () => {
    expect(hand({ request: 'show' })).toBe(true);
    expect(world[KEY]).toEqual({ request: 'show' });
    expect(typeof judge()).toBe('function');
  });

  it('leaves a card that came by itself only where the gate saw the page visible', () => {
    expect(hand({})).toBe(false);
    expect(world[KEY]).toBeUndefined();
    world[GATE] = 'waiting';
    expect(hand({})).toBe(false);
    world[GATE] = 'visible';
    expect(hand({})).toBe(true);
  });

  it('takes a card from an earlier lifetime of the extension off the page, whichever way the new card comes', () => {
    /** A card's host, as shell.ts mounts it, at the top of the document or in a modal dialog of the page. */
    const cardHost = (parent: Element) => {
      const host = parent.appendChild(document.createElement('python-inside'));
      host.attachShadow({ mode: 'open' }).innerHTML = '<section class="pi-overlay"></section>';
      return host;
    };
    for (const card of [{ request: 'show' }, { request: 'toggle' }, {}]) {
      world[GATE] = 'visible';
      const old = cardHost(document.documentElement);
      const inDialog = cardHost(document.body.appendChild(document.createElement('dialog')));
      const pageOwn = document.documentElement.appendChild(document.createElement('python-inside')); // no card in it
      expect(hand(card)).toBe(true);
      expect([old.isConnected, inDialog.isConnected, pageOwn.isConnected], JSON.stringify(card)).toEqual([false, false, true]);
      pageOwn.remove();
    }
  });

  it("leaves a card of this lifetime that is showing to the card script (the shortcut hides it), and any card where it leaves nothing", () => {
    const host = document.documentElement.appendChild(document.createElement('python-inside'));
    host.attachShadow({ mode: 'open' }).innerHTML = '<section class="pi-overlay"></section>';
    world[CLOSE] = () => true;
    expect(hand({ request: 'toggle' })).toBe(true);
    expect(host.isConnected).toBe(true);
    delete world[CLOSE];
    expect(hand({ request: 'show' }, 'elsewhere.example')).toBe(false);
    expect(host.isConnected).toBe(true);
  });

  it('leaves nothing in a page of another host or in a document that is not a web page', () => {
    expect(hand({ request: 'show' }, 'elsewhere.example')).toBe(false);
    expect(hand({ request: 'show' }, location.hostname, ['text/html-but-not-this'])).toBe(false);
    expect(world[KEY]).toBeUndefined();
    expect(world[JUDGE_SCHEME_KEY]).toBeUndefined();
  });
});

describe('the judge of the page colours', () => {
  const spot = () => {
    document.body.innerHTML = '<main><section><p id="spot">text</p></section></main>';
    return document.getElementById('spot')!;
  };

  it('takes the first opaque background from the element under the card up', () => {
    hand();
    const p = spot();
    under(p);
    p.closest('section')!.setAttribute('style', 'background-color: rgb(16, 20, 24)');
    document.body.setAttribute('style', 'background-color: rgb(255, 255, 255)');
    expect(judge()('bottom-right')).toBe('dark');
    p.setAttribute('style', 'background-color: rgb(250, 250, 250)');
    expect(judge()('bottom-right')).toBe('light');
    // Mid grey, rgb(119, 119, 119): just on the light side of the line; one step darker is dark.
    p.setAttribute('style', 'background-color: rgb(119, 119, 119)');
    expect(judge()('top-left')).toBe('light');
    p.setAttribute('style', 'background-color: rgb(117, 117, 117)');
    expect(judge()('top-left')).toBe('dark');
    p.setAttribute('style', 'background-color: rgb(16 20 24 / 80%)');
    expect(judge()('top-left')).toBe('dark');
  });

  it('looks past transparent and faint backgrounds, and colours it cannot read, up to <html>', () => {
    hand();
    const p = spot();
    under(p);
    document.documentElement.setAttribute('style', 'background-color: rgb(30, 30, 30)');
    for (const faint of ['rgba(255, 255, 255, 0.1)', 'rgba(0, 0, 0, 0)', 'transparent', 'oklch(0.2 0.02 250)']) {
      p.setAttribute('style', `background-color: ${faint}`);
      expect(judge()('bottom-left')).toBe('dark');
    }
  });

  it('looks past the card itself', () => {
    hand();
    const p = spot();
    const card = document.createElement('python-inside');
    card.setAttribute('style', 'background-color: rgb(0, 0, 0)');
    document.body.append(card);
    at([card, p]);
    p.setAttribute('style', 'background-color: rgb(255, 255, 255)');
    expect(judge()('bottom-right', card)).toBe('light');
  });

  it.each([
    ['', false, 'light'],
    ['', true, 'light'], // a page that says nothing is drawn on a white canvas whatever the system prefers
    ['dark', false, 'dark'],
    ['light dark', true, 'dark'],
    ['light dark', false, 'light'],
    ['only light', true, 'light'],
  ] as const)('no background anywhere: the canvas, from <meta name=color-scheme content="%s"> and a system that prefers dark: %s → %s', (meta, prefersDark, expected) => {
    hand();
    if (meta) document.head.innerHTML = `<meta name="color-scheme" content="${meta}">`;
    under(spot(), prefersDark);
    expect(judge()('bottom-right')).toBe(expected);
  });
});

describe('schemeFor', () => {
  const behaviour = behaviourOf(DEFAULT_SETTINGS);

  it('gives fixed colours as set, none for the system, and the page colours from the handed judge', () => {
    expect(schemeFor({ ...behaviour, theme: 'dark' })).toBe('dark');
    expect(schemeFor({ ...behaviour, theme: 'light' })).toBe('light');
    expect(schemeFor({ ...behaviour, theme: 'system' })).toBeNull();
    // Without a handover there is no judge: the card follows the system rather than guess.
    expect(schemeFor({ ...behaviour, theme: 'page' })).toBeNull();
    hand();
    document.body.setAttribute('style', 'background-color: rgb(10, 10, 10)');
    under(null);
    expect(schemeFor({ ...behaviour, theme: 'page' })).toBe('dark');
  });
});
