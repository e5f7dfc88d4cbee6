/**
 * Search across profiles the way people type; the popup, the options list and the grid all use this one search.
 *
 * - A pasted hostname or URL ("www.youtube.com", "https://www.reddit.com/r/python") finds the company whose
 *   domain it is, through the toolbar's own matcher (data/profiles/match.ts): "mail.google.com" is Google's google.com.
 * - Words match the start of words, never the middle: "ai" is not "Airflow", "chain" is not "Blockchain". A word of
 *   one or two letters must be a whole word ("go" is the language Go, not Google), unless it continues a phrase
 *   ("bank of a"). Languages match only whole ("Java" is not JavaScript). A site matches by its first label
 *   ("facebook" finds Meta through facebook.com), never by "com".
 * - Words that stand for areas and tools (synonyms.ts) find what they stand for: "LLM", "NLP", "AI".
 * - Every word of the query must match. Each hit carries its reasons, so the page can say why it is listed
 *   ("domain ml.com", "tool Django", "area Machine learning", "uses Go"). Hits by name come first.
 */
import { AREA_LABELS } from '../profiles/areas';
import { areaLabel } from '../i18n/labels';
import { hostnameOfUrl, matchHostnameSync, normalizeHostname } from '../profiles/match';
import type { CompanyProfile } from '../profiles/schema';
import { SEARCH_CONCEPTS, type SearchConcept } from './synonyms';

export type ReasonKind = 'name' | 'parent' | 'domain' | 'tool' | 'area' | 'language';

/** One thing about a company that the query matched: its tool "Django", its domain "ml.com". */
export interface MatchReason {
  kind: ReasonKind;
  /** as the reader sees it: the tool's or domain's own spelling, an area in the browser's language */
  value: string;
}

export interface SearchHit<P extends CompanyProfile = CompanyProfile> {
  profile: P;
  /** empty for an empty query; otherwise at least one, in the profile's own order */
  reasons: MatchReason[];
}

const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** The words of a text, folded: letters and digits, keeping "+" and "#" so that C++ and C# stay words. */
const searchWords = (s: string): string[] => fold(s).split(/[^\p{L}\p{N}+#]+/u).filter(Boolean);

// How strongly a kind of match speaks for a company, strongest first; a word matched whole beats a word start.
const RANK: Record<ReasonKind, number> = { name: 0, parent: 1, tool: 2, area: 2, language: 2, domain: 3 };
const HOST_MATCH = -2; // a pasted address names exactly one company: that comes before anything else
const SHORT = 2; // words this long or shorter must be whole words

interface Field {
  reason: MatchReason;
  /** the field's words, in every spelling it is searched by (an area in English and in the browser's language) */
  spellings: string[][];
  /** must equal the query's words exactly and entirely (languages) */
  whole: boolean;
}

const fieldCache = new WeakMap<CompanyProfile, Field[]>();

/** Everything a profile can be found by, in the order its reasons are listed. */
function fieldsOf(p: CompanyProfile): Field[] {
  const cached = fieldCache.get(p);
  if (cached) return cached;
  const field = (kind: ReasonKind, value: string, spellings: string[][], whole = false): Field => ({ reason: { kind, value }, spellings, whole });
  const fields = [
    field('name', p.name, [searchWords(p.name)]),
    ...(p.parent ? [field('parent', p.parent, [searchWords(p.parent)])] : []),
    ...[...new Set(p.uses.flatMap((u) => u.tools))].map((tool) => field('tool', tool, [searchWords(tool)])),
    ...[...new Set(p.uses.map((u) => u.area))].map((area) =>
      field('area', areaLabel(area), [searchWords(AREA_LABELS[area]), searchWords(areaLabel(area))]),
    ),
    ...p.otherLanguages.map((language) => field('language', language, [searchWords(language)], true)),
    ...p.domains.map((domain) => field('domain', domain, [searchWords(domain.slice(0, domain.indexOf('.')))])),
  ];
  fieldCache.set(p, fields);
  return fields;
}

const CONCEPTS = new Map(SEARCH_CONCEPTS.flatMap((c) => c.words.split('|').map((w) => [searchWords(w).join(' '), c] as const)));
const LONGEST_CONCEPT = Math.max(...[...CONCEPTS.keys()].map((k) => k.split(' ').length));

/** A part of the query that must match: a word as typed (its own words, "web.py" → web, py) or a known concept. */
interface Unit {
  words: string[];
  concept?: SearchConcept;
}

/** The query's parts: a run of words that names a concept ("data science") becomes one part. */
function unitsOf(query: string): Unit[] {
  const typed = query.split(/\s+/).map(searchWords).filter((w) => w.length > 0);
  const units: Unit[] = [];
  for (let i = 0; i < typed.length; ) {
    let length = Math.min(LONGEST_CONCEPT, typed.length - i);
    for (; length > 0; length--) {
      const words = typed.slice(i, i + length).flat();
      const concept = CONCEPTS.get(words.join(' '));
      if (concept) {
        units.push({ words, concept });
        break;
      }
    }
    if (length === 0) {
      units.push({ words: typed[i]! });
      length = 1;
    }
    i += length;
  }
  return units;
}

interface Found {
  /** lower is stronger: RANK × 2, plus 1 when only the start of a word matched */
  strength: number;
  reasons: Set<Field>;
}

/** Keeps the strongest reasons a part was matched by. */
function offer(found: Found[], unit: number, strength: number, field: Field) {
  const current = found[unit];
  if (!current || strength < current.strength) found[unit] = { strength, reasons: new Set([field]) };
  else if (strength === current.strength) current.reasons.add(field);
}

const hasPhrase = (haystack: readonly string[], words: readonly string[]) =>
  haystack.some((_, j) => words.every((w, k) => haystack[j + k] === w));

/** A concept matches through its areas and tools, or where its words stand whole in a name or tool. */
function matchConcept(fields: Field[], unit: Unit, index: number, found: Found[]) {
  const { concept, words } = unit;
  for (const field of fields) {
    const { kind, value } = field.reason;
    const byConcept =
      (kind === 'tool' && concept!.tools?.includes(value)) ||
      (kind === 'area' && concept!.areas?.some((area) => areaLabel(area) === value));
    if (byConcept || ((kind === 'name' || kind === 'tool') && field.spellings.some((s) => hasPhrase(s, words)))) {
      offer(found, index, RANK[kind] * 2, field);
    }
  }
}

/**
 * Typed words match a field where they run over consecutive words of it, each the start of its word; a part is
 * matched by a run that holds all of its words.
 */
function matchWords(fields: Field[], units: Unit[], found: Found[]) {
  const typed = units.flatMap((unit, u) => (unit.concept ? [null] : unit.words.map((word) => ({ word, unit: u }))));
  const startOf = (u: number) => typed.findIndex((w) => w?.unit === u);
  for (const field of fields) {
    for (const spelling of field.spellings) {
      for (let i = 0; i < typed.length; i++) {
        for (let j = 0; j < spelling.length; j++) {
          let exact = true;
          for (let k = 0; i + k < typed.length && j + k < spelling.length; k++) {
            const typedWord = typed[i + k];
            if (!typedWord || !spelling[j + k]!.startsWith(typedWord.word)) break;
            exact &&= spelling[j + k] === typedWord.word;
            const length = k + 1;
            if (field.whole && !(j === 0 && length === spelling.length && exact)) continue;
            if (length === 1 && typedWord.word.length <= SHORT && !exact) continue;
            // Every part lying wholly inside typed[i .. i+length) is matched by this run.
            for (let u = typed[i]!.unit; u <= typedWord.unit; u++) {
              const start = startOf(u);
              const end = start + units[u]!.words.length;
              if (start >= i && end <= i + length) offer(found, u, RANK[field.reason.kind] * 2 + (exact ? 0 : 1), field);
            }
          }
        }
      }
    }
  }
}

/** The reasons a profile matches every part of the query, and how strongly; null if some part finds nothing. */
function matchProfile(p: CompanyProfile, units: Unit[]): { strength: number; reasons: MatchReason[] } | null {
  const fields = fieldsOf(p);
  const found: Found[] = [];
  units.forEach((unit, u) => unit.concept && matchConcept(fields, unit, u, found));
  matchWords(fields, units, found);
  if (units.some((_, u) => !found[u])) return null;
  const used = new Set(found.flatMap((f) => [...f.reasons]));
  return {
    strength: found.reduce((sum, f) => sum + f.strength, 0),
    reasons: fields.filter((f) => used.has(f)).map((f) => f.reason),
  };
}

/** The hostname in a query that is an address ("www.youtube.com", "https://…/r/python"), or null. */
export function hostnameInQuery(query: string): string | null {
  const text = query.trim();
  if (!text || /\s/.test(text) || !/[./:]/.test(text)) return null;
  return hostnameOfUrl(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`);
}

/** Companies an address in the query belongs to, each with the domain that matched. */
function matchHost<P extends CompanyProfile>(profiles: readonly P[], query: string): Map<P, string> {
  const hits = new Map<P, string>();
  const host = hostnameInQuery(query);
  if (!host) return hits;
  // domain → itself, so the toolbar's matcher answers with the domain it matched
  const owner = new Map(profiles.flatMap((p) => p.domains.map((d) => [d, p] as const)));
  const domains = new Map([...owner.keys()].map((d) => [d, d]));
  const domain = matchHostnameSync(host, domains);
  if (domain) return hits.set(owner.get(domain)!, domain);
  // Still being typed ("www.youtube.c"): the domains that begin with what is there so far, "www." aside.
  const partial = normalizeHostname(host)?.replace(/^www\./, '');
  if (!partial || partial.length <= SHORT) return hits;
  for (const [d, p] of owner) if (d.startsWith(partial) && !hits.has(p)) hits.set(p, d);
  return hits;
}

/**
 * Profiles matching the query, strongest first (then in their given order), each with why it matched; an empty
 * query returns them all, in order, with no reasons.
 */
export function searchProfiles<P extends CompanyProfile>(profiles: readonly P[], query: string): SearchHit<P>[] {
  const units = unitsOf(query);
  if (!units.length) return profiles.map((profile) => ({ profile, reasons: [] }));
  const byHost = matchHost(profiles, query);
  const scored = profiles.flatMap((profile, order) => {
    const byWords = matchProfile(profile, units);
    const domain = byHost.get(profile);
    if (!byWords && !domain) return [];
    const reasons = byWords?.reasons ?? [];
    return [
      {
        profile,
        order,
        strength: domain ? HOST_MATCH : byWords!.strength,
        reasons: domain && !reasons.some((r) => r.kind === 'domain' && r.value === domain) ? [{ kind: 'domain' as const, value: domain }, ...reasons] : reasons,
      },
    ];
  });
  return scored.sort((a, b) => a.strength - b.strength || a.order - b.order).map(({ profile, reasons }) => ({ profile, reasons }));
}
