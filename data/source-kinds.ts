/**
 * How strong a source is: the company speaking about itself (its engineering blog, a talk or interview by its
 * engineers, its code, its documentation) or someone else reporting on it. The card shows this next to each source.
 */
export const SOURCE_KINDS = ['engineering-blog', 'talk', 'repository', 'documentation', 'third-party'] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Short tag shown on the card, and the full wording given to screen readers and as a tooltip. */
export const SOURCE_KIND_LABELS: Record<SourceKind, { tag: string; long: string }> = {
  'engineering-blog': { tag: 'Own blog', long: "The company's own engineering blog" },
  talk: { tag: 'Own talk', long: "A talk or interview given by the company's engineers" },
  repository: { tag: 'Own code', long: "The company's own code repository" },
  documentation: { tag: 'Own docs', long: "The company's own documentation" },
  'third-party': { tag: 'Third party', long: 'A report by a third party' },
};

export const isOwnSource = (kind: SourceKind) => kind !== 'third-party';
