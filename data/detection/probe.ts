/** Turns the rules into the one probe the page-side gatherer runs, and reads its answers back. */
import type { Signal } from './rule-schema';
import type { DetectionRule } from './types';
import type { ElementCheck, PageFacts, Probe, ScanCheck, Shown } from './page-facts';
import { standsAlone } from './weights';

// A quoted CSS string: only the quote and the backslash need escaping.
const quoted = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The CSS selector a DOM signal stands for, or null for signals that are not about elements. */
export function selectorFor(signal: Signal): string | null {
  switch (signal.kind) {
    case 'field':
      return `input[name=${quoted(signal.name)}]`;
    case 'element':
      return signal.selector;
    case 'script':
      return `script[src*=${quoted(signal.contains)} i]`;
    case 'link':
      return `link[href*=${quoted(signal.contains)} i]`;
    default:
      return null;
  }
}

const unique = (values: string[]) => [...new Set(values)];

/** Splits a selector list at its top-level commas (not inside [...] or quotes). */
export function selectorAlternatives(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(selector.slice(start).trim());
  return parts.filter(Boolean);
}

/** The compounds of a complex selector, in order ("footer", "a[href*=x]" for "footer a[href*=x]"). */
function compounds(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let from = 0;
  for (let i = 0; i <= selector.length; i++) {
    const c = selector[i] ?? ' ';
    if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (depth === 0 && /[\s>+~]/.test(c)) {
      if (i > from) parts.push(selector.slice(from, i));
      from = i + 1;
    }
  }
  return parts;
}

// Attribute tests ("[href*=\"x.org\"]") are left out first, so a dot in a value is never read as a class.
const bare = (compound: string) => compound.replace(/\[[^\]]*\]/g, '');
const tagOf = (compound: string) => /^[a-z][\w-]*/.exec(bare(compound))?.[0] ?? '';
const classOf = (compound: string) => /\.([\w-]+)/.exec(bare(compound))?.[1] ?? '';

type AttributeTest = [name: string, operator: string, value: string];

/** The tag, id, classes and attribute tests of one compound ("a.brand[href*=\"x\"]"); pseudo-classes are left out. */
export function parseCompound(compound: string): { tag: string; id: string; classes: string[]; attributes: AttributeTest[] } {
  const attributes: AttributeTest[] = [];
  const test = /\[\s*([^\s~|^$*=\]]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))\s*(?:[iIsS]\s*)?)?\]/g;
  for (let m = test.exec(compound); m; m = test.exec(compound)) attributes.push([m[1]!.toLowerCase(), m[2] ?? '', m[3] ?? m[4] ?? m[5] ?? '']);
  const outside = bare(compound).replace(/:[\w-]+(?:\([^)]*\))?/g, '');
  return {
    tag: tagOf(compound),
    id: /#([\w-]+)/.exec(outside)?.[1] ?? '',
    classes: [...outside.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!),
    attributes,
  };
}

/**
 * What a person is shown of an element that matched `selector` (see Shown in page-facts.ts): the parts of its
 * last compound, each read from the element itself, so `footer a[href*="mkdocs.org"]` reads as
 * `<a href="https://www.mkdocs.org/">` and `div#djDebug` as `<div id="djDebug">`.
 */
export function shownParts(selector: string): Shown[] {
  const { id, classes, attributes } = parseCompound(compounds(selector).at(-1) ?? '');
  const shown: Shown[] = [];
  if (id) shown.push(['id', 'is', id]);
  if (classes.length) shown.push(['class', 'class', classes.join(' ')]);
  for (const [name, operator, value] of attributes) {
    if (name === 'id' && id) continue;
    shown.push(operator === '' ? [name, 'has', ''] : [name, operator === '=' ? 'is' : 'in', value]);
  }
  return shown;
}

/**
 * The cheapest way to answer one selector on a big page (see ElementCheck): an id anywhere gates on
 * getElementById; html/body are matched directly; scripts, <link>/<meta> elements and images are looked at in
 * their own lists; a class or custom tag name narrows to those elements; an ancestor part becomes a shared gate.
 * Only what is left is a native querySelector.
 */
export function planElementCheck(index: number, selector: string): ElementCheck {
  const shown = shownParts(selector);
  const id = /#([\w-]+)/.exec(selector.replace(/\[[^\]]*\]/g, ''))?.[1];
  if (id) return [index, 'id', id, selector, '', shown];
  if (/^(?:html|body)(?![\w-])/.test(selector)) return [index, 'root', '', selector, '', shown];
  const parts = compounds(selector);
  const last = parts.at(-1) ?? '';
  const outer = parts.length > 1 ? parts[0]! : '';
  const gate = !outer ? '' : classOf(outer) ? `class:${classOf(outer)}` : tagOf(outer) ? `tag:${tagOf(outer)}` : '';
  const tag = tagOf(last);
  if (tag === 'script') return [index, 'scripts', '', selector, gate, shown];
  if (tag === 'meta' || tag === 'link') return [index, 'metadata', '', selector, gate, shown];
  if (tag === 'img') return [index, 'images', '', selector, gate, shown];
  if (tag.includes('-')) return [index, 'tag', tag, selector, gate, shown];
  if (classOf(last)) return [index, 'class', classOf(last), selector, gate, shown];
  return [index, 'query', '', selector, gate, shown];
}

/**
 * How a sign that stands on its own but needs a walk is looked for on every page: in the capped pass (see
 * ScanCheck), keyed by its last compound's custom tag name, else one of its classes, else its tag when it tests an
 * attribute's text (a link's href, an image's alt), which is looked for before the selector is matched. Anything
 * else (an attribute alone, a bare tag, pseudo-classes) is one native query.
 */
export function planStandalone(check: ElementCheck): { query: ElementCheck } | { scan: ScanCheck } {
  const [index, , , selector, , shown] = check;
  const { tag, classes, attributes } = parseCompound(compounds(selector).at(-1) ?? '');
  const valued = attributes.find(([, operator, value]) => operator !== '' && value !== '');
  // The text the attribute must contain, whatever the operator: a cheap test that every match passes.
  const filter: [string, string] | null = valued ? [valued[0], valued[2].toLowerCase()] : null;
  const scan = (by: ScanCheck[1], key: string): { scan: ScanCheck } => ({ scan: [index, by, key, selector, filter, shown] });
  if (tag.includes('-')) return scan('tag', tag);
  if (classes.length) return scan('class', classes[0]!);
  if (tag && filter) return scan('tag', tag);
  // An attribute alone ([data-testid="..."]): Chromium answers the query without walking the document when no
  // element has that attribute (measured: under 0.1 ms on the bench's large page), where reading one more
  // attribute of every element in the pass costs more.
  return { query: check };
}

/** Checks answered without walking the document (an id lookup, html/body, the scripts or <head> collections). */
const CHEAP: readonly ElementCheck[1][] = ['id', 'root', 'scripts', 'metadata'];

/**
 * How much of a document the one pass looks at: its first and last elements. An app's custom element or
 * container sits near the top, a "powered by" link, a footer image or an editor's toolbar near the end; a page of
 * up to 600 elements is read whole. Each element costs about a microsecond (see tests/bench/detector.ts).
 */
export const SCAN_WINDOW: [head: number, tail: number] = [300, 300];

export function buildProbe(rules: readonly DetectionRule[], scanWindow: [number, number] = SCAN_WINDOW): Probe {
  const signals = rules.flatMap((r) => r.signals);
  const selectors = unique(signals.map(selectorFor).filter((s): s is string => s !== null));
  const at = (signal: Signal) => selectors.indexOf(selectorFor(signal)!);
  const uniquePairs = <T,>(pairs: T[]) => [...new Map(pairs.map((p) => [JSON.stringify(p), p])).values()];
  // Which rules each selector serves, and whether any of its signals can be reported on its own, worked out once.
  const selectorRules = selectors.map((): number[] => []);
  const alone = selectors.map(() => false);
  rules.forEach((rule, i) => {
    for (const signal of rule.signals) {
      if (selectorFor(signal) === null) continue;
      const served = selectorRules[at(signal)]!;
      if (!served.includes(i)) served.push(i);
      if (standsAlone(signal.weight)) alone[at(signal)] = true;
    }
  });
  const checks = uniquePairs(signals.flatMap((s) => (s.kind === 'element' ? selectorAlternatives(s.selector).map((alt) => planElementCheck(at(s), alt)) : [])));
  const walks = checks.filter((c) => !CHEAP.includes(c[1]));
  const standalone = walks.filter((c) => alone[c[0]]).map(planStandalone);
  return {
    selectors,
    scripts: uniquePairs(signals.flatMap((s): [number, string][] => (s.kind === 'script' ? [[at(s), s.contains.toLowerCase()]] : []))),
    links: uniquePairs(signals.flatMap((s): [number, string][] => (s.kind === 'link' ? [[at(s), s.contains.toLowerCase()]] : []))),
    fields: uniquePairs(signals.flatMap((s): [number, string][] => (s.kind === 'field' ? [[at(s), s.name]] : []))),
    elements: [...checks.filter((c) => CHEAP.includes(c[1])), ...standalone.flatMap((c) => ('query' in c ? [c.query] : []))],
    scan: standalone.flatMap((c) => ('scan' in c ? [c.scan] : [])),
    scanWindow,
    corroborating: walks.filter((c) => !alone[c[0]]).map((c) => [c, selectorRules[c[0]]!]),
    selectorRules,
    cookieRules: rules.flatMap((r, i) => r.signals.flatMap((s): [string, number][] => (s.kind === 'cookie' ? [[s.name, i]] : []))),
    metaRules: rules.flatMap((r, i) => r.signals.flatMap((s): [string, string, number][] => (s.kind === 'meta' ? [[s.name.toLowerCase(), s.contains.toLowerCase(), i]] : []))),
    metaNames: unique(signals.flatMap((s) => (s.kind === 'meta' ? [s.name.toLowerCase()] : []))),
    cookies: unique(signals.flatMap((s) => (s.kind === 'cookie' ? [s.name] : []))),
  };
}

export const globalNames = (rules: readonly DetectionRule[]) =>
  unique(rules.flatMap((r) => r.signals.flatMap((s) => (s.kind === 'global' ? [s.name] : []))));

/** Header names the rules read: the only response headers the background keeps. */
export const headerNames = (rules: readonly DetectionRule[]) =>
  unique(rules.flatMap((r) => r.signals.flatMap((s) => (s.kind === 'header' ? [s.name] : []))));

const isString = (value: unknown): value is string => typeof value === 'string';
const isPair = (value: unknown): value is [string, string] => Array.isArray(value) && value.length === 2 && value.every(isString);

/**
 * The gatherer's answer as the background can trust it: whatever came back from a page is checked against
 * what was asked, so a page cannot slip in evidence (or a huge payload) through a tampered result.
 */
export function checkedFacts(raw: unknown, probe: Probe): PageFacts {
  const facts = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof PageFacts, unknown>>;
  const list = (value: unknown) => (Array.isArray(value) ? value.slice(0, 500) : []);
  const clip = (text: string) => text.slice(0, 100);
  return {
    elements: list(facts.elements)
      .filter((e): e is [number, string, unknown] => Array.isArray(e) && Number.isInteger(e[0]) && e[0] >= 0 && e[0] < probe.selectors.length && isString(e[1]))
      .map(([i, value, matched]): [number, string, string] => {
        const text = clip(value);
        // The marked part must be part of what is shown; anything else is dropped, not trusted.
        return [i, text, isString(matched) && matched.length <= 100 && text.includes(matched) ? matched : ''];
      }),
    metas: list(facts.metas)
      .filter(isPair)
      .filter(([name]) => probe.metaNames.includes(name))
      .map(([name, content]) => [name, clip(content)]),
    cookies: list(facts.cookies).filter((c): c is string => isString(c) && probe.cookies.includes(c)),
    document: isString(facts.document) ? facts.document.slice(0, 2000) : '',
  };
}

/** The page's matched DOM signals by selector, as detect() reads them. */
export const elementsSeen = (probe: Probe, facts: PageFacts): Map<string, [string, string]> =>
  new Map(facts.elements.map(([index, text, matched]) => [probe.selectors[index]!, [text, matched]]));

export const checkedGlobals = (raw: unknown, asked: readonly string[]): string[] =>
  Array.isArray(raw) ? [...new Set(raw.filter((n): n is string => isString(n) && asked.includes(n)))] : [];
