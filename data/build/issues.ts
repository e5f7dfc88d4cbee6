/**
 * Build-time only: a problem found in a data file, and how it is said. Profiles, tool records and detection rules
 * are all checked in the same terms, so a failing build or `npm run data:check` names file, field and what to fix.
 */
import type { BaseIssue } from 'valibot';

/** One problem in one file: `file: field: message`. */
export interface DataIssue {
  file: string;
  field: string;
  message: string;
}

export const formatIssue = (i: DataIssue) => `${i.file}: ${i.field || '(root)'}: ${i.message}`;

/** Every issue under a heading, one a line: what an invalid build throws and the checker prints. */
export const describeIssues = (heading: string, issues: readonly DataIssue[]) =>
  `${heading}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`;

/** The issues that involve any of the named files: in them, or a clash that names them (a domain both claim). */
export const issuesInvolving = (issues: readonly DataIssue[], files: readonly string[]) =>
  issues.filter((i) => files.some((f) => i.file === f || i.message.includes(f)));

/**
 * Where a schema issue is, as people write it: `uses[1].area`. A key that is not allowed is reported at the object
 * that has it (its own name is in the message), a missing one at the key.
 */
function fieldOf(issue: BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const at = issue.type === 'strict_object' && issue.expected === 'never' ? path.slice(0, -1) : path;
  return at.reduce<string>((acc, { key }) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** A schema's issues with a file, as data issues. */
export const schemaIssues = (file: string, issues: readonly BaseIssue<unknown>[]): DataIssue[] =>
  issues.map((issue) => ({ file, field: fieldOf(issue), message: issue.message }));
