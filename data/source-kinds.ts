import { t, type MessageKey } from './i18n';

/**
 * How strong a source is: the company speaking about itself (its engineering blog, a talk or interview by its
 * engineers, its code, its documentation) or someone else reporting on it. The card shows this next to each source.
 */
export const SOURCE_KINDS = ['engineering-blog', 'talk', 'repository', 'documentation', 'third-party'] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

const KIND_MESSAGES: Record<SourceKind, [MessageKey, MessageKey]> = {
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

export const isOwnSource = (kind: SourceKind) => kind !== 'third-party';
