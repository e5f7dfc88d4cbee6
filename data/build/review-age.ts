/**
 * Build-time only (Node): a profile's review date must be at most 18 months before its last change. A change to a
 * profile is a chance to re-read its sources; one touched today needs a review from the last 18 months, while an
 * untouched file keeps the review it had. The last change is the file's last commit, or now if it has uncommitted
 * edits or is new (and its modification time when there is no git history, as in an unpacked archive).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import type { DataIssue } from './issues';

export const REVIEW_MAX_MONTHS = 18;

export function lastChange(path: string, cwd: string): Date {
  try {
    const dirty = execFileSync('git', ['status', '--porcelain', '--', path], { cwd, encoding: 'utf8' }).trim();
    if (dirty) return new Date();
    const committed = execFileSync('git', ['log', '-1', '--format=%cI', '--', path], { cwd, encoding: 'utf8' }).trim();
    if (committed) return new Date(committed);
  } catch {
    // Not a git checkout, or no git: the file's own time is the best evidence left.
  }
  return statSync(path).mtime;
}

/** The oldest review date allowed for a file changed on `changed`: 18 months earlier, as YYYY-MM-DD. */
export function oldestReview(changed: Date): string {
  const d = new Date(Date.UTC(changed.getUTCFullYear(), changed.getUTCMonth() - REVIEW_MAX_MONTHS, changed.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

export function reviewAgeIssues(profiles: readonly { file: string; reviewed: string; changed: Date }[]): DataIssue[] {
  return profiles.flatMap(({ file, reviewed, changed }) => {
    const oldest = oldestReview(changed);
    return reviewed < oldest
      ? [{ file, field: 'reviewed', message: `${reviewed} is more than ${REVIEW_MAX_MONTHS} months before the file's last change (${changed.toISOString().slice(0, 10)}): re-read its sources and set the date` }]
      : [];
  });
}
