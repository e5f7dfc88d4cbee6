/** Areas a use can belong to, in the order the card groups them. Their words in the reader's language: i18n/labels.ts. */
export const AREAS = [
  'web-backend',
  'machine-learning',
  'data',
  'infrastructure',
  'science',
  'desktop-client',
  'tooling',
] as const;

export type Area = (typeof AREAS)[number];

/** The English names: what the profiles are written in, and what search matches besides the reader's language. */
export const AREA_LABELS: Record<Area, string> = {
  'web-backend': 'Web backend',
  'machine-learning': 'Machine learning',
  data: 'Data',
  infrastructure: 'Infrastructure',
  science: 'Science',
  'desktop-client': 'Desktop client',
  tooling: 'Tooling',
};
