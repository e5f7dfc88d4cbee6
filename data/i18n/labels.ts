/**
 * The words for the vocabulary in the reader's language: areas, kinds of source, kinds of technology. The
 * vocabulary itself (profiles/areas.ts, profiles/source-kinds.ts, detection/types.ts) knows nothing of languages.
 */
import type { Area } from '../profiles/areas';
import type { TechCategory } from '../detection/rule-schema';
import type { SourceKind } from '../profiles/source-kinds';
import { t, type MessageKey } from './translate';

export const AREA_MESSAGE: Record<Area, MessageKey> = {
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

export const KIND_MESSAGES: Record<SourceKind, [MessageKey, MessageKey]> = {
  'engineering-blog': ['kindBlogTag', 'kindBlog'],
  talk: ['kindTalkTag', 'kindTalk'],
  repository: ['kindRepositoryTag', 'kindRepository'],
  documentation: ['kindDocumentationTag', 'kindDocumentation'],
  'third-party': ['kindThirdPartyTag', 'kindThirdParty'],
};

/** Short tag shown on the card, and the full wording given as a tooltip, in the browser's language. */
export function sourceKindLabel(kind: SourceKind): { tag: string; long: string } {
  const [tag, long] = KIND_MESSAGES[kind];
  return { tag: t(tag), long: t(long) };
}

const CATEGORY: Record<TechCategory, MessageKey> = {
  'web-framework': 'catWebFramework',
  'web-server': 'catWebServer',
  cms: 'catCms',
  docs: 'catDocs',
  'static-site': 'catStaticSite',
  notebook: 'catNotebook',
  'data-app': 'catDataApp',
  'python-in-browser': 'catPythonInBrowser',
  application: 'catApplication',
};

/** A detected technology's kind in the browser's language. */
export const categoryLabel = (category: TechCategory) => t(CATEGORY[category]);
