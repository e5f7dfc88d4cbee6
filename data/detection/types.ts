/**
 * What the detector works with at run time: the part of a rule the extension ships, and what it reports. Types
 * only: the rule's shape is rule-schema.ts, and nothing here brings its validation into a bundle.
 */
import type { RuleFile, Signal, TechCategory } from './rule-schema';

/** What the extension ships of a rule: what to look for and what to call it (references and fixtures stay in the repository). */
export type DetectionRule = Pick<RuleFile, 'id' | 'name' | 'category' | 'website' | 'signals'>;

/**
 * One piece of evidence as the popup shows it: the kind of place, what was found there as a person can look it
 * up (a header or meta name, a cookie or form field name, a script's or stylesheet's address without its query
 * string, an element as its start tag with the attributes that matched, the site's host), for meta tags and
 * headers the value seen (clipped), and the part the rule looked for when it is only part of it (a path segment,
 * a product token, a host suffix), which the popup marks.
 */
export interface Evidence {
  kind: Signal['kind'];
  subject: string;
  value?: string;
  matched?: string;
}

export type Confidence = 'high' | 'medium';

export interface Detection {
  id: string;
  name: string;
  category: TechCategory;
  website: string;
  confidence: Confidence;
  evidence: Evidence[];
}
