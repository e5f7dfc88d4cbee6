/**
 * From what a page showed to what it runs: each rule's signals are checked against the observation, and a
 * technology is reported only when its evidence adds up. Pure, so every rule is tested against fixtures in Node.
 */
import type { Signal, SignalWeight } from './rule-schema';
import type { Confidence, Detection, DetectionRule, Evidence } from './types';
import { selectorFor } from './probe';

/** Everything observed about one page: its host, the page-side facts, its globals and main-document headers. */
export interface Observation {
  host: string;
  /** Matched selectors and the evidence text for each. */
  elements: ReadonlyMap<string, string>;
  metas: readonly [string, string][];
  cookies: readonly string[];
  globals: readonly string[];
  /** Lower-case header name and value. */
  headers: readonly [string, string][];
}

const POINTS: Record<SignalWeight, number> = { strong: 3, medium: 2, weak: 1 };
/** A single medium signal is worth showing; a weak one alone is not (false positives cost more than misses). */
export const REPORT_AT = 2;
export const HIGH_AT = 3;

const has = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());

/** The evidence a signal found on this page, or null. */
export function evidenceFor(signal: Signal, seen: Observation): Evidence | null {
  switch (signal.kind) {
    case 'field':
    case 'element':
    case 'script':
    case 'link': {
      const value = seen.elements.get(selectorFor(signal)!);
      if (value === undefined) return null;
      return { kind: signal.kind, subject: signal.kind === 'element' ? signal.selector : value || signal.kind };
    }
    case 'meta': {
      const meta = seen.metas.find(([name, content]) => name === signal.name.toLowerCase() && has(content, signal.contains));
      return meta ? { kind: 'meta', subject: signal.name.toLowerCase(), value: meta[1] } : null;
    }
    case 'cookie':
      return seen.cookies.includes(signal.name) ? { kind: 'cookie', subject: signal.name } : null;
    case 'global':
      return seen.globals.includes(signal.name) ? { kind: 'global', subject: signal.name } : null;
    case 'header': {
      const header = seen.headers.find(([name, value]) => name === signal.name && has(value, signal.contains));
      return header ? { kind: 'header', subject: signal.name, value: header[1] } : null;
    }
    case 'host':
      return seen.host === signal.suffix || seen.host.endsWith(`.${signal.suffix}`) ? { kind: 'host', subject: signal.suffix } : null;
  }
}

const sameEvidence = (a: Evidence, b: Evidence) => a.kind === b.kind && a.subject === b.subject && a.value === b.value;

/** One rule against one page: the detection, or null when the evidence does not reach REPORT_AT. */
export function detectOne(rule: DetectionRule, seen: Observation): (Detection & { score: number }) | null {
  const evidence: Evidence[] = [];
  let score = 0;
  for (const signal of rule.signals) {
    const found = evidenceFor(signal, seen);
    // Two signals that land on the same thing (two substrings of one script name) are one piece of evidence.
    if (!found || evidence.some((e) => sameEvidence(e, found))) continue;
    evidence.push(found);
    score += POINTS[signal.weight];
  }
  if (score < REPORT_AT) return null;
  const confidence: Confidence = score >= HIGH_AT ? 'high' : 'medium';
  return { id: rule.id, name: rule.name, category: rule.category, website: rule.website, confidence, evidence, score };
}

/** Every technology the page shows, surest first, then by name. */
export function detect(rules: readonly DetectionRule[], seen: Observation): Detection[] {
  return rules
    .map((rule) => detectOne(rule, seen))
    .filter((d): d is Detection & { score: number } => d !== null)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'en'))
    .map(({ score: _score, ...detection }) => detection);
}
