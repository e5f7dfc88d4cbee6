/** Turns the rules into the one probe the page-side gatherer runs, and reads its answers back. */
import type { DetectionRule, Signal } from './detection-types';
import type { PageFacts, Probe } from './page-facts';

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

export function buildProbe(rules: readonly DetectionRule[]): Probe {
  const signals = rules.flatMap((r) => r.signals);
  return {
    selectors: unique(signals.map(selectorFor).filter((s): s is string => s !== null)),
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
