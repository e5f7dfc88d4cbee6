/**
 * How strong a source is: the company speaking about itself (its engineering blog, a talk or interview by its
 * engineers, its code, its documentation) or someone else reporting on it. The card shows this next to each source.
 */
export const SOURCE_KINDS = ['engineering-blog', 'talk', 'repository', 'documentation', 'third-party'] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

export const isOwnSource = (kind: SourceKind) => kind !== 'third-party';
