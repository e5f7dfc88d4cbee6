/**
 * Build-time only (Node): reads data/companies/*.json from disk and validates them together.
 * wxt.config.ts calls this before every build, so an invalid profile fails the build naming file and field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publicSuffixIssues } from './domain-checks';
import { formatIssue, validateDataset, type CompanyProfile, type ProfileIssue, type Tool } from '../profiles/schema';
import { checkTools, readToolFiles, TOOLS_DIR } from './tool-files';
import { withToolLinks } from '../profiles/tool-links';

export const COMPANIES_DIR = join(import.meta.dirname, '..', 'companies');

/** Every file parsed, and one issue per file that is not JSON (the others are still checked). */
export function readProfileFiles(dir = COMPANIES_DIR): { files: { file: string; data: unknown }[]; issues: ProfileIssue[] } {
  const files: { file: string; data: unknown }[] = [];
  const issues: ProfileIssue[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    const file = relative(join(import.meta.dirname, '..', '..'), path);
    try {
      files.push({ file, data: JSON.parse(readFileSync(path, 'utf8')) as unknown });
    } catch (error) {
      issues.push({ file, field: '', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return { files, issues };
}

/**
 * Validates the profiles and the tool records together; every problem found, and when there is none the profiles
 * (joined with their tools' links, as the extension holds them), each with its file.
 */
export function checkProfileDir(
  dir = COMPANIES_DIR,
  toolsDir = TOOLS_DIR,
): { profiles: CompanyProfile[]; located: { file: string; profile: CompanyProfile }[]; tools: Tool[]; issues: ProfileIssue[] } {
  const read = readProfileFiles(dir);
  const readTools = readToolFiles(toolsDir);
  const checked = validateDataset(read.files);
  const allRead = !read.issues.length && checked.located.length === read.files.length;
  const tools = checkTools(readTools.files, checked.located, allRead);
  const issues = [...read.issues, ...checked.issues, ...readTools.issues, ...tools.issues, ...publicSuffixIssues(checked.located)];
  if (issues.length) return { profiles: [], located: [], tools: [], issues };
  const located = checked.located.map(({ file, profile }) => ({ file, profile: withToolLinks(profile, tools.tools) }));
  return { profiles: located.map((l) => l.profile), located, tools: tools.tools, issues };
}

/** The issues that involve any of the named files: in them, or a clash that names them (a domain both claim). */
export const issuesInvolving = (issues: readonly ProfileIssue[], files: readonly string[]) =>
  issues.filter((i) => files.some((f) => i.file === f || i.message.includes(f)));

export const describeIssues = (issues: readonly ProfileIssue[]) =>
  `Invalid company profile data:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`;

/** Every profile, validated; throws one error listing every problem found. */
export function loadValidProfiles(dir = COMPANIES_DIR, toolsDir = TOOLS_DIR): CompanyProfile[] {
  const { profiles, issues } = checkProfileDir(dir, toolsDir);
  if (issues.length) throw new Error(describeIssues(issues));
  return profiles;
}
