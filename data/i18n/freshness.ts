import type { CompanyProfile } from '../profiles/schema';
import { t } from './translate';

/**
 * How old the profile's claims are: the years its sources span and when it was last reviewed, e.g.
 * "Sources from 2012 to 2024 · reviewed December 2026" (one year said once when they agree). `when` is the review
 * month in words (dates.ts): in a web page the card is handed it (card-words.ts), since
 * formatting a date there first loads the page's date formats.
 */
export function freshness({ sources }: Pick<CompanyProfile, 'sources'>, when: string): string {
  const years = sources.map((s) => s.year);
  const [from, to] = [Math.min(...years), Math.max(...years)];
  return from === to ? t('freshnessOneYear', String(from), when) : t('freshness', String(from), String(to), when);
}
