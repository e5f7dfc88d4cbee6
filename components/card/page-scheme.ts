/**
 * The card's colours: fixed, the system's (null), or, for "match the page", judged from the page when the card is
 * drawn and when its corner or theme changes. The judge (data/card/leave-card.ts) comes with the card's
 * handover rather than in the card's scripts; without it (a card script run by itself), the card follows the
 * system.
 */
import { JUDGE_SCHEME_KEY, type JudgeScheme, type Scheme } from '@/data/card/leave-card';
import type { Behaviour } from '@/data/settings/shape';

export type { Scheme };

const world = globalThis as { [JUDGE_SCHEME_KEY]?: JudgeScheme };

export const schemeFor = ({ theme, position }: Behaviour, host?: Element): Scheme | null =>
  theme === 'page' ? (world[JUDGE_SCHEME_KEY]?.(position, host) ?? null) : theme === 'system' ? null : theme;
