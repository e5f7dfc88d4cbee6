/** Search across profiles by name, parent, domain, tool, area (or a common word for it) or language ("django" finds every Django user). */
import { AREA_ALIASES, AREA_LABELS, areaLabel } from './areas';
import type { CompanyProfile } from './schema';

const fold = (s: string) => s.toLocaleLowerCase('en').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

function haystack(p: CompanyProfile): { name: string; rest: string } {
  const rest = [
    p.parent ?? '',
    ...p.domains,
    ...p.uses.flatMap((u) => [...u.tools, AREA_LABELS[u.area], areaLabel(u.area), ...AREA_ALIASES[u.area]]),
    ...p.otherLanguages,
  ];
  return { name: fold(p.name), rest: fold(rest.join('\n')) };
}

/**
 * Profiles matching every word of the query, companies whose name matches listed first; an empty query
 * returns them all in their original order.
 */
export function searchProfiles<P extends CompanyProfile>(profiles: readonly P[], query: string): P[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...profiles];
  const scored = profiles.flatMap((p) => {
    const { name, rest } = haystack(p);
    if (!words.every((w) => name.includes(w) || rest.includes(w))) return [];
    return [{ p, byName: words.some((w) => name.includes(w)) ? 0 : 1 }];
  });
  return scored.sort((a, b) => a.byName - b.byName).map((s) => s.p);
}

/** Which tools of a profile a query hit, to show the reader why a company is in the results. */
export function matchingTools(profile: CompanyProfile, query: string): string[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const tools = [...new Set(profile.uses.flatMap((u) => u.tools))];
  return tools.filter((t) => words.some((w) => fold(t).includes(w)));
}

/** Which of a profile's areas a query names ("ml", "machine learning"), to say why a company is listed. */
export function matchingAreas(profile: CompanyProfile, query: string): string[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const areas = [...new Set(profile.uses.map((u) => u.area))];
  return areas
    .filter((area) => {
      const names = fold([AREA_LABELS[area], areaLabel(area), ...AREA_ALIASES[area]].join('\n'));
      return words.every((w) => names.includes(w));
    })
    .map((area) => areaLabel(area));
}
