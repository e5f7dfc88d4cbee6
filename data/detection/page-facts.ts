/**
 * What the detector reads from a page. Both functions are handed to scripting.executeScript as `func`, so each
 * must be self-contained: no imports, no outer variables, nothing but its arguments and the page.
 *
 * The work is bounded by design: the page's scripts, stylesheets and form fields (capped loops), element
 * markers each checked through an anchor (an id, a class, a tag, <head>, the page's links) instead of a walk of
 * the whole document, the <meta> tags of <head>, the cookie string, and a fixed list of global names. No HTML is
 * serialised and no pattern runs over the document.
 */

/**
 * How one element selector is checked without matching it against every element (see probe.ts):
 * - `id`: only when getElementById(key) exists; `root`: html/body themselves; `scripts`, `head`, `images`: the
 *   page's scripts, <head> children or images; `class` and `tag`: the elements with that class or (custom) tag
 *   name; `query`: one native querySelector.
 * - `gate`: for a selector with an ancestor part ("footer a[...]"), a tag or class that must exist first
 *   ("tag:footer"); one lookup answers every selector with the same gate.
 */
export type ElementCheck = [index: number, how: 'id' | 'root' | 'scripts' | 'head' | 'images' | 'class' | 'tag' | 'query', key: string, selector: string, gate: string];

/** What to look for, built once from the rules (see probe.ts). */
export interface Probe {
  /** One key per DOM signal (its CSS selector); facts refer to them by index. */
  selectors: string[];
  /** [selector index, lower-case text] a <script src> must contain. */
  scripts: [number, string][];
  /** [selector index, lower-case text] a <link href> must contain. */
  links: [number, string][];
  /** [selector index, name] of a form field. */
  fields: [number, string][];
  elements: ElementCheck[];
  /**
   * Element checks that need a walk of the document, each with the rules it serves. They only corroborate: one
   * runs only when a cheap signal of one of its rules was already found (or its rule's cookie or meta tag), so a
   * page with no sign of Python pays for none of them.
   */
  corroborating: [check: ElementCheck, rules: number[]][];
  /** The rules each selector index, cookie name and meta (name, text) belongs to, for the above. */
  selectorRules: number[][];
  cookieRules: [string, number][];
  metaRules: [string, string, number][];
  /** Lower-case meta names whose content the rules read (e.g. "generator"). */
  metaNames: string[];
  /** Cookie names the rules know; any other cookie is never reported. */
  cookies: string[];
}

export interface PageFacts {
  /** [index into probe.selectors, evidence text] for each DOM signal found. */
  elements: [number, string][];
  /** [meta name, content] for the asked names, content clipped. */
  metas: [string, string][];
  cookies: string[];
}

export const NO_FACTS: PageFacts = { elements: [], metas: [], cookies: [] };

/**
 * Runs in the extension's isolated world once the page is idle; resolves with the facts found. Every loop has a
 * cap, and no selector is run against the whole document unless nothing cheaper can answer it.
 */
export function gatherPageFacts(probe: Probe): Promise<PageFacts> {
  const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  // A script or stylesheet is named by its file (no path, no query string): that is the evidence, and it
  // keeps tokens in query strings out of what the extension keeps.
  const fileName = (url: string) => clip(url.split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').pop() ?? '', 60);
  const first = <T extends Element>(list: ArrayLike<T>, max: number, test: (e: T) => boolean): T | null => {
    for (let i = 0; i < list.length && i < max; i++) if (test(list[i]!)) return list[i]!;
    return null;
  };

  const collect = (): PageFacts => {
    const doc = document;
    const facts: PageFacts = { elements: [], metas: [], cookies: [] };
    if (!doc.documentElement || !/html/.test(doc.contentType)) return facts; // SVG, XML, plain text: nothing to read
    const found = new Set<number>();
    const add = (index: number, evidence: string) => {
      if (found.has(index)) return;
      found.add(index);
      facts.elements.push([index, evidence]);
    };

    const scripts = doc.scripts;
    for (let i = 0; i < scripts.length && i < 300; i++) {
      const src = (scripts[i]!.getAttribute('src') ?? '').toLowerCase();
      if (src) for (const [index, text] of probe.scripts) if (src.includes(text)) add(index, fileName(src));
    }
    const linkTags = doc.getElementsByTagName('link');
    for (let i = 0; i < linkTags.length && i < 300; i++) {
      const href = (linkTags[i]!.getAttribute('href') ?? '').toLowerCase();
      if (href) for (const [index, text] of probe.links) if (href.includes(text)) add(index, fileName(href));
    }
    if (probe.fields.length) {
      const names = new Set<string>();
      const forms = doc.forms;
      for (let f = 0; f < forms.length && f < 50; f++) {
        const controls = forms[f]!.elements;
        for (let i = 0; i < controls.length && i < 300; i++) names.add(controls[i]!.getAttribute('name') ?? '');
      }
      for (const [index, name] of probe.fields) if (names.has(name)) add(index, clip(name, 60));
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
    const gates = new Map<string, boolean>();
    const open = (gate: string) => {
      if (!gate) return true;
      if (!gates.has(gate)) {
        const [kind, name] = gate.split(':') as [string, string];
        gates.set(gate, (kind === 'tag' ? doc.getElementsByTagName(name) : doc.getElementsByClassName(name))[0] !== undefined);
      }
      return gates.get(gate)!;
    };
    const check = ([index, how, key, selector, gate]: ElementCheck) => {
      if (found.has(index) || !open(gate)) return;
      try {
        const matches = (e: Element) => e.matches(selector);
        let hit: Element | null = null;
        if (how === 'id') hit = doc.getElementById(key) ? doc.querySelector(selector) : null;
        else if (how === 'root') hit = [doc.documentElement, doc.body].find((e) => e?.matches(selector)) ?? null;
        else if (how === 'scripts') hit = first(doc.scripts, 300, matches);
        else if (how === 'head') hit = doc.head ? first(doc.head.children, 300, matches) : null;
        else if (how === 'images') hit = first(doc.getElementsByTagName('img'), 500, matches);
        else if (how === 'class') hit = first(doc.getElementsByClassName(key), 50, matches);
        else if (how === 'tag') hit = first(doc.getElementsByTagName(key), 50, matches);
        else hit = doc.querySelector(selector);
        if (hit) add(index, selector);
      } catch {
        // a selector this browser does not know: the others still count
      }
    };
    probe.elements.forEach(check);

    // Rules with a sign already found: only their corroborating checks walk the document.
    const started = new Set<number>();
    for (const index of found) for (const rule of probe.selectorRules[index] ?? []) started.add(rule);
    for (const [name, rule] of probe.cookieRules) if (facts.cookies.includes(name)) started.add(rule);
    for (const [name, text, rule] of probe.metaRules) {
      if (facts.metas.some(([n, content]) => n === name && content.toLowerCase().includes(text))) started.add(rule);
    }
    for (const [elementCheck, rules] of probe.corroborating) if (rules.some((r) => started.has(r))) check(elementCheck);

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
