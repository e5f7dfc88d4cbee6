/**
 * Build-time only (Node): reads data/companies/*.json from disk and validates them together.
 * wxt.config.ts calls this before every build, so an invalid profile fails the build naming file and field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatIssue, validateDataset, type CompanyProfile, type ProfileIssue } from './schema';

export const COMPANIES_DIR = join(import.meta.dirname, 'companies');

/** Every file parsed, and one issue per file that is not JSON (the others are still checked). */
export function readProfileFiles(dir = COMPANIES_DIR): { files: { file: string; data: unknown }[]; issues: ProfileIssue[] } {
  const files: { file: string; data: unknown }[] = [];
  const issues: ProfileIssue[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    const file = relative(join(import.meta.dirname, '..'), path);
    try {
      files.push({ file, data: JSON.parse(readFileSync(path, 'utf8')) as unknown });
    } catch (error) {
      issues.push({ file, field: '', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return { files, issues };
}

/** Validates the whole directory; every problem found, and the profiles when there is none. */
export function checkProfileDir(dir = COMPANIES_DIR): { profiles: CompanyProfile[]; issues: ProfileIssue[] } {
  const read = readProfileFiles(dir);
  const checked = validateDataset(read.files);
  const issues = [...read.issues, ...checked.issues];
  return { profiles: issues.length ? [] : checked.profiles, issues };
}

/** The issues that involve any of the named files: in them, or a clash that names them (a domain both claim). */
export const issuesInvolving = (issues: readonly ProfileIssue[], files: readonly string[]) =>
  issues.filter((i) => files.some((f) => i.file === f || i.message.includes(f)));

export const describeIssues = (issues: readonly ProfileIssue[]) =>
  `Invalid company profile data:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`;

/** Every profile, validated; throws one error listing every problem found. */
export function loadValidProfiles(dir = COMPANIES_DIR): CompanyProfile[] {
  const { profiles, issues } = checkProfileDir(dir);
  if (issues.length) throw new Error(describeIssues(issues));
  return profiles;
}
