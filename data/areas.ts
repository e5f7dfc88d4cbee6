import { t, type MessageKey } from './i18n';
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

const AREA_MESSAGE: Record<Area, MessageKey> = {
  'web-backend': 'areaWebBackend',
  'machine-learning': 'areaMachineLearning',
  data: 'areaData',
  infrastructure: 'areaInfrastructure',
  science: 'areaScience',
  'desktop-client': 'areaDesktopClient',
  tooling: 'areaTooling',
};

/** The area's name in the browser's language (AREA_LABELS stays English: search matches both). */
export const areaLabel = (area: Area): string => t(AREA_MESSAGE[area]);
