/** Turns the rules into the one probe the page-side gatherer runs, and reads its answers back. */
import type { Signal } from './rule-schema';
import type { DetectionRule } from './types';
import type { ElementCheck, PageFacts, Probe } from './page-facts';

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

/**
 * The cheapest way to answer one selector on a big page (see ElementCheck): an id anywhere gates on
 * getElementById; html/body are matched directly; scripts, <head> tags and images are looked at in their own
 * collections; a class or custom tag name narrows to those elements; an ancestor part becomes a shared gate.
 * Only what is left is a native querySelector.
 */
export function planElementCheck(index: number, selector: string): ElementCheck {
  const id = /#([\w-]+)/.exec(selector.replace(/\[[^\]]*\]/g, ''))?.[1];
  if (id) return [index, 'id', id, selector, ''];
  if (/^(?:html|body)(?![\w-])/.test(selector)) return [index, 'root', '', selector, ''];
  const parts = compounds(selector);
  const last = parts.at(-1) ?? '';
  const outer = parts.length > 1 ? parts[0]! : '';
  const gate = !outer ? '' : classOf(outer) ? `class:${classOf(outer)}` : tagOf(outer) ? `tag:${tagOf(outer)}` : '';
  const tag = tagOf(last);
  if (tag === 'script') return [index, 'scripts', '', selector, gate];
  if (tag === 'meta' || tag === 'link' || tag === 'title' || tag === 'base') return [index, 'head', '', selector, gate];
  if (tag === 'img') return [index, 'images', '', selector, gate];
  if (tag.includes('-')) return [index, 'tag', tag, selector, gate];
  if (classOf(last)) return [index, 'class', classOf(last), selector, gate];
  return [index, 'query', '', selector, gate];
}

/** Checks answered without walking the document (an id lookup, html/body, the scripts or <head> collections). */
const CHEAP: readonly ElementCheck[1][] = ['id', 'root', 'scripts', 'head'];

export function buildProbe(rules: readonly DetectionRule[]): Probe {
  const signals = rules.flatMap((r) => r.signals);
  const selectors = unique(signals.map(selectorFor).filter((s): s is string => s !== null));
  const at = (signal: Signal) => selectors.indexOf(selectorFor(signal)!);
  const uniquePairs = <T,>(pairs: T[]) => [...new Map(pairs.map((p) => [JSON.stringify(p), p])).values()];
  // Which rules each selector serves, worked out once.
  const selectorRules = selectors.map((): number[] => []);
  rules.forEach((rule, i) => {
    for (const signal of rule.signals) {
      const served = selectorFor(signal) === null ? undefined : selectorRules[at(signal)]!;
      if (served && !served.includes(i)) served.push(i);
    }
  });
  const checks = uniquePairs(signals.flatMap((s) => (s.kind === 'element' ? selectorAlternatives(s.selector).map((alt) => planElementCheck(at(s), alt)) : [])));
  return {
    selectors,
    scripts: uniquePairs(signals.flatMap((s): [number, string][] => (s.kind === 'script' ? [[at(s), s.contains.toLowerCase()]] : []))),
    links: uniquePairs(signals.flatMap((s): [number, string][] => (s.kind === 'link' ? [[at(s), s.contains.toLowerCase()]] : []))),
    fields: uniquePairs(signals.flatMap((s): [number, string][] => (s.kind === 'field' ? [[at(s), s.name]] : []))),
    elements: checks.filter((c) => CHEAP.includes(c[1])),
    corroborating: checks.filter((c) => !CHEAP.includes(c[1])).map((c) => [c, selectorRules[c[0]]!]),
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
      .filter((e): e is [number, string] => Array.isArray(e) && Number.isInteger(e[0]) && e[0] >= 0 && e[0] < probe.selectors.length && isString(e[1]))
      .map(([i, value]) => [i, clip(value)]),
    metas: list(facts.metas)
      .filter(isPair)
      .filter(([name]) => probe.metaNames.includes(name))
      .map(([name, content]) => [name, clip(content)]),
    cookies: list(facts.cookies).filter((c): c is string => isString(c) && probe.cookies.includes(c)),
  };
}

export const checkedGlobals = (raw: unknown, asked: readonly string[]): string[] =>
  Array.isArray(raw) ? [...new Set(raw.filter((n): n is string => isString(n) && asked.includes(n)))] : [];
