/**
 * The words the card in a web page shows, made by the background and handed over with the card, so that the page
 * never waits on the browser for them (translate.ts): every message the card's scripts use, with its
 * substitutions still to fill, and the month the profile was last reviewed, which takes a date format the page
 * would otherwise load (10–38 ms, measured, the first time a page formats a date).
 */
import type { CardWords, DigestWords } from '../card/handover';
import { AREAS } from '../profiles/areas';
import type { CompanyProfile } from '../profiles/schema';
import { isOwnSource, SOURCE_KINDS } from '../profiles/source-kinds';
import { reviewedMonth } from './dates';
import { freshness } from './freshness';
import { AREA_MESSAGE, areaLabel, KIND_MESSAGES } from './labels';
import { t, template, type MessageKey } from './translate';

/** Every message a script of the in-page card uses (components/card, entrypoints/overlay*); a test holds them to it. */
export const CARD_MESSAGES: readonly MessageKey[] = [
  // the shell
  'badgeCompany',
  'close',
  'closeTitle',
  'collapse',
  'expand',
  // the digest
  'partOf',
  'pythonFor',
  'tools',
  'moreTools',
  'sources',
  'freshness',
  'freshnessOneYear',
  ...AREAS.map((area) => AREA_MESSAGE[area]),
  // its controls
  'dontShow',
  'dontShowAllDomains',
  'offNoteAllDomains',
  'offNoteBefore',
  'optionsPageLink',
  'offNoteAfter',
  'undo',
  'saveFailed',
  // the full profile
  'allAbout',
  'sourceNumbers',
  'untilYear',
  'alsoUses',
  ...SOURCE_KINDS.flatMap((kind) => KIND_MESSAGES[kind]),
];

/** The digest's lines for `company` (handover.ts, DigestWords); `reviewed` is its review month in words. */
function digestWords(company: CompanyProfile, reviewed: string): DigestWords {
  const own = company.sources.filter((s) => isOwnSource(s.kind)).length;
  const third = company.sources.length - own;
  return {
    areas: AREAS.filter((a) => company.uses.some((u) => u.area === a))
      .map(areaLabel)
      .join(', '),
    tools: [...new Set(company.uses.flatMap((u) => u.tools))],
    sources: t('sourcesOwn', own, company.name) + (third ? t('sourcesThirdParty', third) : ''),
    freshness: freshness(company, reviewed),
    showAll: t('showAll', company.uses.length, company.sources.length),
  };
}

export function cardWords(company: CompanyProfile): CardWords {
  const reviewed = reviewedMonth(company.reviewed);
  return { messages: Object.fromEntries(CARD_MESSAGES.map((key) => [key, template(key)])), reviewed, digest: digestWords(company, reviewed) };
}
