/** Areas a use can belong to, in the order the card groups them, with the label a reader sees. */
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

export const AREA_LABELS: Record<Area, string> = {
  'web-backend': 'Web backend',
  'machine-learning': 'Machine learning',
  data: 'Data',
  infrastructure: 'Infrastructure',
  science: 'Science',
  'desktop-client': 'Desktop client',
  tooling: 'Tooling',
};
