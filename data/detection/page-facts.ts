/**
 * What the detector reads from a page. Both functions are handed to scripting.executeScript as `func`, so each
 * must be self-contained: no imports, no outer variables, nothing but its arguments and the page.
 *
 * The work is bounded by design: one walk of the document lists its scripts, <link>s and forms, and <head> its
 * <meta>s (all capped); element markers are checked through an anchor (an id, <html>/<body>, those lists), in
 * one capped pass over the first and last elements keyed by tag and class names, or by a native query the
 * browser answers without a walk when no element has the attribute it names; then, when asked, the cookie names,
 * and a fixed list of global names. No HTML is serialised and no pattern runs over the document.
 */

/**
 * How a matched element is described to a person (see probe.ts): its tag, then each part of the selector's last
 * compound as the element has it: `has` an attribute (named only: its value may be a page's data), `is` an
 * attribute with exactly this value, `in` an attribute containing this text (its value shown around it), `class`
 * these class names (only those: the element may have many).
 */
export type Shown = [attribute: string, how: 'has' | 'is' | 'in' | 'class', text: string];

/**
 * How one element selector is checked without matching it against every element (see probe.ts):
 * - `id`: only when getElementById(key) exists; `root`: html/body themselves; `scripts`, `metadata`, `images`:
 *   the page's scripts, <link> and <meta> elements, or images; `class` and `tag`: the elements with that class or
 *   (custom) tag name; `query`: one native querySelector.
 * - `gate`: for a selector with an ancestor part ("footer a[...]"), a tag or class that must exist first
 *   ("tag:footer"); one lookup answers every selector with the same gate.
 */
export type ElementCheck = [
  index: number,
  how: 'id' | 'root' | 'scripts' | 'metadata' | 'images' | 'class' | 'tag' | 'query',
  key: string,
  selector: string,
  gate: string,
  shown: Shown[],
];

/**
 * A selector answered in the capped pass over the document's first and last elements: an element is a candidate
 * when it has the tag name or class `key` (`by`) and, with a `filter`, when that attribute contains that
 * lower-case text ("mkdocs.org" in a link's href); only a candidate is matched against the selector.
 */
export type ScanCheck = [index: number, by: 'tag' | 'class', key: string, selector: string, filter: [attribute: string, text: string] | null, shown: Shown[]];

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
  /**
   * Element checks run on every page: those answered without a walk of the document (an id, html/body, the
   * scripts, links and metas), and signs that stand alone naming only an attribute ([data-testid="..."]), one
   * native query each, which Chromium answers without a walk when no element has that attribute.
   */
  elements: ElementCheck[];
  /**
   * Element checks that need a walk and stand on their own (a medium or strong signal): looked for on every page
   * in one pass over the first `scanWindow[0]` and the last `scanWindow[1]` elements of the document, where an
   * app's custom element or container, a "powered by" link or a footer image sits, each element looked up by its
   * tag name and classes.
   */
  scan: ScanCheck[];
  scanWindow: [head: number, tail: number];
  /**
   * Element checks that need a walk and only corroborate (weak signals), each with the rules it serves: one runs
   * only when a sign of one of its rules was already found (or its rule's cookie or meta tag), so a page with no
   * sign of Python pays for none of them.
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
  /**
   * For each DOM signal found: [index into probe.selectors, what matched as a person can look it up (an address
   * without its query string, a field name, an element's start tag), the part of it the rule looked for ('' when
   * it is all of it)].
   */
  elements: [number, string, string][];
  /** [meta name, content] for the asked names, content clipped. */
  metas: [string, string][];
  cookies: string[];
  /**
   * The address the document was loaded from (after redirects). Unlike the tab's address it stays the same when
   * the page rewrites its URL with the History API, so the background can tell which response's headers are this
   * document's.
   */
  document: string;
}

export const NO_FACTS: PageFacts = { elements: [], metas: [], cookies: [], document: '' };

/**
 * Runs in the extension's isolated world once the page is idle; resolves with the facts found. Every loop has a
 * cap, and no selector is run against the whole document unless nothing cheaper can answer it. The page's cookies
 * are read only when `readCookies`: the background asks for them only when it has not seen the cookie names go by
 * with the document's request and response.
 */
export function gatherPageFacts(probe: Probe, readCookies: boolean): Promise<PageFacts> {
  const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  /**
   * An attribute value or address as evidence, with `want` (what the rule looked for) kept in view: without the
   * query string and fragment, where tokens live, unless the match itself reaches into them, and cut to `max`
   * characters around the match. Returns the text and the matched part as the page writes it.
   */
  const around = (value: string, want: string, max: number): [string, string] => {
    const at = want ? value.toLowerCase().indexOf(want.toLowerCase()) : -1;
    const matchEnd = at < 0 ? 0 : at + want.length;
    let end = value.search(/[?#]/);
    if (end < 0) end = value.length;
    end = Math.max(end, matchEnd);
    let from = 0;
    if (end > max) from = at < 0 ? 0 : Math.max(0, Math.min(at - ((max - want.length) >> 1), end - max));
    const to = Math.min(end, from + max);
    return [(from > 0 ? '…' : '') + value.slice(from, to) + (to < value.length ? '…' : ''), at < 0 ? '' : value.slice(at, matchEnd)];
  };
  /** An element as its start tag with only what its selector tested: `<a href="https://www.mkdocs.org/">`. */
  const describe = (e: Element, shown: Shown[]): [string, string] => {
    let text = `<${e.localName}`;
    let matched = '';
    for (const [attribute, how, want] of shown) {
      if (how === 'has') text += ` ${attribute}`;
      else if (how === 'class') text += ` class="${want}"`;
      else {
        const [value, part] = around(e.getAttribute(attribute) ?? '', how === 'in' ? want : '', 60);
        text += ` ${attribute}="${value}"`;
        matched ||= part;
      }
    }
    return [`${text}>`, matched];
  };
  const first = <T extends Element>(list: ArrayLike<T>, max: number, test: (e: T) => boolean): T | null => {
    for (let i = 0; i < list.length && i < max; i++) if (test(list[i]!)) return list[i]!;
    return null;
  };
  const collect = (): PageFacts | Promise<PageFacts> => {
    const doc = document;
    const facts: PageFacts = { elements: [], metas: [], cookies: [], document: '' };
    try {
      facts.document = performance.getEntriesByType('navigation')[0]?.name ?? '';
    } catch {
      // no navigation timing here: the current address is the best left
    }
    facts.document ||= doc.URL;
    if (!doc.documentElement || !/html/.test(doc.contentType)) return facts; // SVG, XML, plain text: nothing to read
    const found = new Set<number>();
    const add = (index: number, [evidence, matched]: [string, string]) => {
      if (found.has(index)) return;
      found.add(index);
      facts.elements.push([index, evidence, matched]);
    };

    // One walk of the document for every element the rules read by kind: scripts, <link>s (a debug toolbar adds
    // its stylesheet to the body) and forms; the <meta> tags of <head>.
    const scripts: Element[] = [];
    const metadata: Element[] = [];
    const forms: HTMLFormElement[] = [];
    const listed = doc.querySelectorAll('script, link, form');
    for (let i = 0; i < listed.length && i < 2000; i++) {
      const e = listed[i]!;
      if (e.localName === 'script') {
        if (scripts.length < 300) scripts.push(e);
      } else if (e.localName === 'form') {
        if (forms.length < 50) forms.push(e as HTMLFormElement);
      } else if (metadata.length < 300) metadata.push(e);
    }
    const metas = doc.head ? doc.head.getElementsByTagName('meta') : [];
    for (let i = 0; i < metas.length && i < 200; i++) metadata.push(metas[i]!);
    const addresses = (list: Element[], attribute: string, wanted: [number, string][]) => {
      if (!wanted.length) return;
      for (const e of list) {
        const value = e.getAttribute(attribute);
        if (!value) continue;
        const lower = value.toLowerCase();
        for (const [index, text] of wanted) if (!found.has(index) && lower.includes(text)) add(index, around(value, text, 90));
      }
    };
    addresses(scripts, 'src', probe.scripts);
    addresses(
      metadata.filter((e) => e.localName === 'link'),
      'href',
      probe.links,
    );
    if (probe.fields.length) {
      const names = new Set<string>();
      for (const form of forms) {
        const controls = form.elements;
        for (let i = 0; i < controls.length && i < 300; i++) names.add(controls[i]!.getAttribute('name') ?? '');
      }
      for (const [index, name] of probe.fields) if (names.has(name)) add(index, [clip(name, 60), '']);
    }
    const wanted = new Set(probe.metaNames);
    for (const e of metadata) {
      if (e.localName !== 'meta' || facts.metas.length >= 200) continue;
      const name = (e.getAttribute('name') ?? '').toLowerCase();
      if (wanted.has(name)) facts.metas.push([name, clip(e.getAttribute('content') ?? '', 100)]);
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
    const check = ([index, how, key, selector, gate, shown]: ElementCheck) => {
      if (found.has(index) || !open(gate)) return;
      try {
        const matches = (e: Element) => e.matches(selector);
        let hit: Element | null = null;
        if (how === 'id') hit = doc.getElementById(key) ? doc.querySelector(selector) : null;
        else if (how === 'root') hit = (selector.startsWith('html') ? doc.documentElement : doc.body) ?? null;
        else if (how === 'scripts') hit = first(scripts, 300, matches);
        else if (how === 'metadata') hit = first(metadata, 300, matches);
        else if (how === 'images') hit = first(doc.getElementsByTagName('img'), 500, matches);
        else if (how === 'class') hit = first(doc.getElementsByClassName(key), 50, matches);
        else if (how === 'tag') hit = first(doc.getElementsByTagName(key), 50, matches);
        else hit = doc.querySelector(selector);
        if (hit && (how !== 'root' || hit.matches(selector))) add(index, describe(hit, shown));
      } catch {
        // a selector this browser does not know: the others still count
      }
    };
    probe.elements.forEach(check);

    // The signs that stand alone but need a walk: one pass over the elements at both ends of the document, each
    // looked up by its tag name and its classes, and matched only against the selectors it could satisfy.
    if (probe.scan.length) {
      // Per key, its checks and, when all of them first look for text in the same attribute (a link's href), one
      // pattern for all of that text, so that most candidates cost one attribute read.
      type Group = { checks: ScanCheck[]; attribute: string; pattern: RegExp | null };
      const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const groups = { tag: new Map<string, Group>(), class: new Map<string, Group>() };
      for (const c of probe.scan) {
        const group = groups[c[1]].get(c[2]) ?? { checks: [], attribute: '', pattern: null };
        group.checks.push(c);
        groups[c[1]].set(c[2], group);
      }
      for (const map of Object.values(groups)) {
        for (const group of map.values()) {
          const [attribute = ''] = group.checks[0]![4] ?? [];
          if (!attribute || !group.checks.every((c) => c[4]?.[0] === attribute)) continue;
          group.attribute = attribute;
          group.pattern = new RegExp(group.checks.map((c) => escape(c[4]![1])).join('|'), 'i');
        }
      }
      const classes = groups.class.size ? new RegExp(`(?:^|\\s)(?:${[...groups.class.keys()].map(escape).join('|')})(?![\\w-])`) : null;
      const tryOn = (e: Element, group: Group) => {
        if (group.pattern && !group.pattern.test(e.getAttribute(group.attribute) ?? '')) return;
        for (const [index, , , selector, filter, shown] of group.checks) {
          if (found.has(index)) continue;
          if (filter && !(e.getAttribute(filter[0]) ?? '').toLowerCase().includes(filter[1])) continue;
          try {
            if (e.matches(selector)) add(index, describe(e, shown));
          } catch {
            // a selector this browser does not know
          }
        }
      };
      const visit = (e: Element) => {
        const tagged = groups.tag.get(e.localName);
        if (tagged) tryOn(e, tagged);
        if (classes) {
          // className, not getAttribute('class'): measurably cheaper per element (an SVG element's is an object).
          const names = e.className;
          if (typeof names === 'string' && names && classes.test(names)) for (const [name, group] of groups.class) if (e.classList.contains(name)) tryOn(e, group);
        }
      };
      const root = doc.documentElement;
      const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
      let headEnd: Node = root;
      for (let node: Node | null = root, n = 0; node && n < probe.scanWindow[0]; node = walker.nextNode(), n++) {
        headEnd = node;
        visit(node as Element);
      }
      // The tail, from the document's last element backwards, until it meets the head.
      let last: Element = root;
      while (last.lastElementChild) last = last.lastElementChild;
      walker.currentNode = last;
      for (let node: Node | null = last, n = 0; node && node !== headEnd && n < probe.scanWindow[1]; node = walker.previousNode(), n++) visit(node as Element);
    }

    /** The cookie names, once known: those the rules know are kept, and the rules with a sign walk for the rest. */
    const finish = (cookieNames: string[]): PageFacts => {
      const known = new Set(probe.cookies);
      for (const name of cookieNames.slice(0, 200)) if (known.has(name) && !facts.cookies.includes(name)) facts.cookies.push(name);
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
    if (!readCookies) return finish([]);
    const fromString = () => {
      let cookie = '';
      try {
        cookie = doc.cookie; // throws in sandboxed documents
      } catch {
        /* no cookies to read */
      }
      return cookie.split(';').map((pair) => pair.split('=')[0]!.trim());
    };
    // The Cookie Store answers asynchronously, where document.cookie holds the page up until the browser's cookie
    // store has answered (measured: a third of the main-thread time); it exists only in secure contexts.
    const store = (globalThis as { cookieStore?: { getAll?: () => Promise<{ name: string }[]> } }).cookieStore;
    if (typeof store?.getAll !== 'function') return finish(fromString());
    return store.getAll().then(
      (cookies) => finish(cookies.map((c) => c.name)),
      () => finish(fromString()),
    );
  };

  return new Promise((resolve) => {
    const nothing: PageFacts = { elements: [], metas: [], cookies: [], document: '' };
    const run = () => {
      try {
        Promise.resolve(collect()).then(resolve, () => resolve(nothing));
      } catch {
        resolve(nothing);
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
