/** Turns a profile into what the card lays out: uses grouped by area in a fixed order, sources numbered. */
import { areaLabel, AREAS, type Area } from './areas';
import type { CompanyProfile, CompanySource, CompanyUse } from './schema';
import { t } from './i18n';

export interface UseGroup {
  area: Area;
  label: string;
  uses: (CompanyUse & { sourceNumbers: number[] })[];
}

export interface CardContent {
  groups: UseGroup[];
  sources: (CompanySource & { number: number })[];
}

export function cardContent(profile: CompanyProfile): CardContent {
  const sources = profile.sources.map((s, i) => ({ ...s, number: i + 1 }));
  const numberOf = new Map(sources.map((s) => [s.id, s.number]));
  const groups = AREAS.map((area) => ({
    area,
    label: areaLabel(area),
    uses: profile.uses
      .filter((u) => u.area === area)
      .map((u) => ({ ...u, sourceNumbers: u.sources.flatMap((id) => numberOf.get(id) ?? []) })),
  })).filter((g) => g.uses.length > 0);
  return { groups, sources };
}

/** "youtube.com" or "youtube.com and 2 more": the short way to name a company's sites. */
export function domainSummary(domains: readonly string[]): string {
  const [first, ...rest] = domains;
  if (!first) return '';
  return rest.length ? t('domainsMore', first, rest.length) : first;
}
