/** Why a search hit is listed, in words: "domain ml.com", "tools Django, Flask · area Web backend", "uses Go". */
import { t, type MessageKey } from '../i18n/translate';
import type { MatchReason, ReasonKind } from './search';

const LISTED = 3; // values named per kind before "and N more" (never "and 1 more": then all four are named)

// In the order they are said: one message for a single value, one for several.
const MESSAGES: [ReasonKind, MessageKey, MessageKey?][] = [
  ['domain', 'reasonDomain'],
  ['parent', 'reasonParent'],
  ['tool', 'reasonTool', 'reasonTools'],
  ['area', 'reasonArea', 'reasonAreas'],
  ['language', 'reasonLanguages'],
];

/**
 * The reasons other than the name, or '' when the name alone matched (the name is right there, in bold). A
 * company found by many of its domains names the first: they are one site.
 */
export function whyMatched(reasons: readonly MatchReason[]): string {
  return MESSAGES.flatMap(([kind, one, several]) => {
    const values = [...new Set(reasons.filter((r) => r.kind === kind).map((r) => r.value))];
    if (!values.length) return [];
    if (kind === 'domain' || kind === 'parent') return [t(one, values[0]!)];
    const list = values.length > LISTED + 1 ? t('domainsMore', values.slice(0, LISTED).join(', '), values.length - LISTED) : values.join(', ');
    return [t(values.length > 1 && several ? several : one, list)];
  }).join(' · ');
}
