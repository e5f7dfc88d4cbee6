/**
 * What each weight of signal counts for, and what a rule's evidence must add up to. Apart from detect.ts so that
 * the probe can plan by it: a signal that reaches REPORT_AT on its own is looked for on every page.
 */
import type { SignalWeight } from './rule-schema';

export const POINTS: Record<SignalWeight, number> = { strong: 3, medium: 2, weak: 1 };
/** A single medium signal is worth showing; a weak one alone is not (false positives cost more than misses). */
export const REPORT_AT = 2;
export const HIGH_AT = 3;

/** A signal that can be reported on its own (medium or strong), as opposed to one that only corroborates. */
export const standsAlone = (weight: SignalWeight) => POINTS[weight] >= REPORT_AT;
