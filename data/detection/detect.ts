/**
 * From what a page showed to what it runs: each rule's signals are checked against the observation, and a
 * technology is reported only when its evidence adds up. Pure, so every rule is tested against fixtures in Node.
 */
import type { Signal } from './rule-schema';
import type { Confidence, Detection, DetectionRule, Evidence } from './types';
import { selectorFor } from './probe';
import { HIGH_AT, POINTS, REPORT_AT } from './weights';

/** Everything observed about one page: its host, the page-side facts, its globals and main-document headers. */
export interface Observation {
  host: string;
  /** Matched selectors: what matched, as a person can look it up, and the part the rule looked for ('' for all). */
  elements: ReadonlyMap<string, readonly [string, string]>;
  metas: readonly [string, string][];
  cookies: readonly string[];
  globals: readonly string[];
  /** Lower-case header name and value. */
  headers: readonly [string, string][];
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * Where `needle` occurs in `text` (case-insensitively) as a token of its own, or -1. A needle that starts with a
 * letter or digit must start a word there: `WSGIServer/` is a product token in `WSGIServer/0.2 CPython/3.11` but
 * not in `PasteWSGIServer/0.5`, and `gunicorn` names the server in `gunicorn/21.2.0`. A needle that starts with
 * punctuation (`/api/security/csp-report`) may sit anywhere: its own first character marks where it begins.
 */
export function tokenAt(text: string, needle: string): number {
  const haystack = text.toLowerCase();
  const wanted = needle.toLowerCase();
  const mustStartWord = WORD.test(wanted[0] ?? '');
  for (let at = haystack.indexOf(wanted); at >= 0; at = haystack.indexOf(wanted, at + 1)) {
    if (!mustStartWord || at === 0 || !WORD.test(haystack[at - 1]!)) return at;
  }
  return -1;
}

/** A header or meta value that shows the needle: the evidence, with the part that matched as the page wrote it. */
function valueEvidence(kind: 'meta' | 'header', pairs: readonly [string, string][], name: string, needle: string): Evidence | null {
  for (const [seenName, value] of pairs) {
    if (seenName !== name) continue;
    const at = tokenAt(value, needle);
    if (at >= 0) return { kind, subject: name, value, matched: value.slice(at, at + needle.length) };
  }
  return null;
}

/** The evidence a signal found on this page, or null. */
export function evidenceFor(signal: Signal, seen: Observation): Evidence | null {
  switch (signal.kind) {
    case 'field':
    case 'element':
    case 'script':
    case 'link': {
      const found = seen.elements.get(selectorFor(signal)!);
      if (found === undefined) return null;
      const [subject, matched] = found;
      return { kind: signal.kind, subject: subject || signal.kind, ...(matched ? { matched } : {}) };
    }
    case 'meta':
      return valueEvidence('meta', seen.metas, signal.name.toLowerCase(), signal.contains);
    case 'cookie':
      return seen.cookies.includes(signal.name) ? { kind: 'cookie', subject: signal.name } : null;
    case 'global':
      return seen.globals.includes(signal.name) ? { kind: 'global', subject: signal.name } : null;
    case 'header':
      return valueEvidence('header', seen.headers, signal.name, signal.contains);
    case 'host':
      return seen.host === signal.suffix || seen.host.endsWith(`.${signal.suffix}`) ? { kind: 'host', subject: seen.host, matched: signal.suffix } : null;
  }
}

// What was found, not which part of it a rule looked for: two signals on one script are one piece of evidence.
const sameEvidence = (a: Evidence, b: Evidence) => a.kind === b.kind && a.subject === b.subject && a.value === b.value;

/** One rule against one page: the detection, or null when the evidence does not reach REPORT_AT. */
export function detectOne(rule: DetectionRule, seen: Observation): (Detection & { score: number }) | null {
  const evidence: Evidence[] = [];
  let score = 0;
  for (const signal of rule.signals) {
    const found = evidenceFor(signal, seen);
    // Two signals that land on the same thing (two substrings of one script's address) are one piece of evidence.
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
