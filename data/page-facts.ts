/**
 * What the detector reads from a page. Both functions are handed to scripting.executeScript as `func`, so each
 * must be self-contained: no imports, no outer variables, nothing but its arguments and the page.
 *
 * The work is bounded by design: one native querySelector over all markers (a page with none, which is nearly
 * every page, costs a single walk of the DOM), the <meta> tags of <head>, the cookie string, and a fixed list
 * of global names. No HTML is serialised and no pattern runs over the document.
 */

/** What to look for, built once from the rules (see detection-probe.ts). */
export interface Probe {
  /** CSS selectors; a match's evidence is its `src`/`href`/`name`, or the selector itself. */
  selectors: string[];
  /** Lower-case meta names whose content the rules read (e.g. "generator"). */
  metaNames: string[];
  /** Cookie names the rules know; any other cookie is never reported. */
  cookies: string[];
}

export interface PageFacts {
  /** [index into probe.selectors, evidence text] for each selector that matched. */
  elements: [number, string][];
  /** [meta name, content] for the asked names, content clipped. */
  metas: [string, string][];
  cookies: string[];
}

export const NO_FACTS: PageFacts = { elements: [], metas: [], cookies: [] };

/** Runs in the extension's isolated world once the page is idle; resolves with the facts found. */
export function gatherPageFacts(probe: Probe): Promise<PageFacts> {
  const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  // A script or stylesheet is named by its file (no path, no query string): that is the evidence, and it
  // keeps tokens in query strings out of what the extension keeps.
  const fileName = (url: string) => clip(url.split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').pop() ?? '', 60);
  const evidenceOf = (element: Element, selector: string) => {
    const value = element.getAttribute('src') ?? element.getAttribute('href');
    if (value !== null && (element.localName === 'script' || element.localName === 'link')) return fileName(value);
    return element.localName === 'input' ? clip(element.getAttribute('name') ?? '', 60) : selector;
  };

  const collect = (): { elements: [number, string][]; metas: [string, string][]; cookies: string[] } => {
    const doc = document;
    const facts = { elements: [] as [number, string][], metas: [] as [string, string][], cookies: [] as string[] };
    if (!doc.documentElement || !/html/.test(doc.contentType)) return facts; // SVG, XML, plain text: nothing to read

    let any = true;
    try {
      any = probe.selectors.length > 0 && doc.querySelector(probe.selectors.join(',')) !== null;
    } catch {
      // A selector this browser does not know spoils the combined one: ask each on its own below.
    }
    if (any) {
      probe.selectors.forEach((selector, index) => {
        try {
          const element = doc.querySelector(selector);
          if (element) facts.elements.push([index, evidenceOf(element, selector)]);
        } catch {
          // unsupported here; the other selectors still count
        }
      });
    }

    const wanted = new Set(probe.metaNames);
    const metas = doc.head ? doc.head.getElementsByTagName('meta') : [];
    for (let i = 0; i < metas.length && i < 200; i++) {
      const name = (metas[i]!.getAttribute('name') ?? '').toLowerCase();
      if (wanted.has(name)) facts.metas.push([name, clip(metas[i]!.getAttribute('content') ?? '', 100)]);
    }

    const known = new Set(probe.cookies);
    let cookie = '';
    try {
      cookie = doc.cookie; // throws in sandboxed documents
    } catch {
      /* no cookies to read */
    }
    for (const pair of cookie.split(';').slice(0, 200)) {
      const name = pair.split('=')[0]!.trim();
      if (known.has(name) && !facts.cookies.includes(name)) facts.cookies.push(name);
    }
    return facts;
  };

  return new Promise((resolve) => {
    const run = () => {
      try {
        resolve(collect());
      } catch {
        resolve({ elements: [], metas: [], cookies: [] });
      }
    };
    // Once, when the page has nothing better to do (at the latest after 2 s of a busy page).
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
    else setTimeout(run, 0);
  });
}

/**
 * Runs in the page's own (main) world, the only place a page's globals are visible. Only the given names are
 * checked, and only whether each holds a value; an element that became a window property through its id
 * (`<div id="Bokeh">`) does not count.
 */
export function globalsPresent(names: string[]): string[] {
  const found: string[] = [];
  const win = window as unknown as Record<string, unknown>;
  for (const name of names.slice(0, 100)) {
    try {
      const value = win[name];
      if (value === undefined || value === null) continue;
      if (typeof Node === 'function' && value instanceof Node) continue;
      if (typeof HTMLCollection === 'function' && value instanceof HTMLCollection) continue;
      found.push(name);
    } catch {
      // a getter that throws tells us nothing
    }
  }
  return found;
}
