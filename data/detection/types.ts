/**
 * Detection vocabulary shared by the build-time schema, the background and the popup. Types and constants only,
 * so runtime bundles never pull in zod.
 */
export const SIGNAL_WEIGHTS = ['strong', 'medium', 'weak'] as const;
export type SignalWeight = (typeof SIGNAL_WEIGHTS)[number];

export const TECH_CATEGORIES = [
  'web-framework',
  'web-server',
  'cms',
  'docs',
  'static-site',
  'notebook',
  'data-app',
  'python-in-browser',
  'application',
] as const;
export type TechCategory = (typeof TECH_CATEGORIES)[number];

export type Signal =
  | { kind: 'field'; name: string; weight: SignalWeight }
  | { kind: 'element'; selector: string; weight: SignalWeight }
  | { kind: 'script'; contains: string; weight: SignalWeight }
  | { kind: 'link'; contains: string; weight: SignalWeight }
  | { kind: 'meta'; name: string; contains: string; weight: SignalWeight }
  | { kind: 'cookie'; name: string; weight: SignalWeight }
  | { kind: 'global'; name: string; weight: SignalWeight }
  | { kind: 'header'; name: string; contains: string; weight: SignalWeight }
  | { kind: 'host'; suffix: string; weight: SignalWeight };

/** What the extension ships of a rule: what to look for and what to call it. */
export interface DetectionRule {
  id: string;
  name: string;
  category: TechCategory;
  website: string;
  signals: Signal[];
}

/** One piece of evidence as the popup shows it: the kind of place, what was found there, and for
 * meta tags and headers, the value seen (clipped). */
export interface Evidence {
  kind: Signal['kind'];
  subject: string;
  value?: string;
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
