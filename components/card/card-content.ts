/** Turns a profile into what the card lays out: uses grouped by area in a fixed order, sources numbered. */
import { AREAS, type Area } from '@/data/profiles/areas';
import { areaLabel } from '@/data/i18n/labels';
import type { CompanyProfile, CompanySource, CompanyUse } from '@/data/profiles/schema';
import { t } from '@/data/i18n/translate';

export interface UseGroup {
  area: Area;
  label: string;
  uses: (CompanyUse & { sourceNumbers: number[] })[];
}

export interface CardContent {
  groups: UseGroup[];
  /** `meta`: who published it and when, the year said once ("PyCon US 2022", not "PyCon US 2022, 2022"). */
  sources: (CompanySource & { number: number; meta: string })[];
}

/** Publisher and year, without repeating a year the publisher's name already carries (a conference's edition). */
export const sourceMeta = ({ publisher, year }: Pick<CompanySource, 'publisher' | 'year'>): string =>
  publisher.includes(String(year)) ? publisher : `${publisher}, ${year}`;

export function cardContent(profile: CompanyProfile): CardContent {
  const sources = profile.sources.map((s, i) => ({ ...s, number: i + 1, meta: sourceMeta(s) }));
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
