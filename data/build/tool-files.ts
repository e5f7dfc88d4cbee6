/**
 * Build-time only (Node): reads data/tools/*.json, one record per tool, and checks them against the profiles that
 * name them: every record valid (https URL), its file named after it, no tool defined twice (names compared without
 * case), every tool a use names defined, and no record left that nothing names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fieldPath, ToolSchema, type CompanyProfile, type ProfileIssue, type Tool } from '../profiles/schema';

export const TOOLS_DIR = join(import.meta.dirname, '..', 'tools');

/** The file name a tool's record lives under: "Apache Airflow" -> apache-airflow, "coverage.py" -> coverage-py. */
export const toolFileId = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function checkTools(
  files: { file: string; data: unknown }[],
  profiles: readonly { file: string; profile: CompanyProfile }[],
  /** false when some profile could not be read: a record it names would look unused */
  allProfiles = true,
): { tools: Tool[]; issues: ProfileIssue[] } {
  const issues: ProfileIssue[] = [];
  const tools: Tool[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, data } of files) {
    const parsed = ToolSchema.safeParse(data);
    if (!parsed.success) {
      issues.push(...parsed.error.issues.map((i) => ({ file, field: fieldPath(i.path), message: i.message })));
      continue;
    }
    const tool = parsed.data;
    const expected = toolFileId(tool.name);
    if (!file.endsWith(`/${expected}.json`)) {
      issues.push({ file, field: 'name', message: `"${tool.name}" belongs in data/tools/${expected}.json` });
    }
    const key = tool.name.toLowerCase();
    const other = fileOf.get(key);
    if (other) {
      issues.push({ file, field: 'name', message: `"${tool.name}" is already defined in ${other}` });
      continue;
    }
    fileOf.set(key, file);
    tools.push(tool);
  }
  const defined = new Set(tools.map((t) => t.name));
  const named = new Set<string>();
  for (const { file, profile } of profiles) {
    profile.uses.forEach((use, u) =>
      use.tools.forEach((name, i) => {
        named.add(name);
        if (defined.has(name)) return;
        const near = tools.find((t) => t.name.toLowerCase() === name.toLowerCase());
        const hint = near ? ` (did you mean "${near.name}"?)` : ` (add data/tools/${toolFileId(name)}.json)`;
        issues.push({ file, field: `uses[${u}].tools[${i}]`, message: `"${name}" is not a defined tool${hint}` });
      }),
    );
  }
  for (const tool of allProfiles ? tools : []) {
    if (!named.has(tool.name)) {
      issues.push({ file: fileOf.get(tool.name.toLowerCase())!, field: 'name', message: `"${tool.name}" is named by no profile` });
    }
  }
  return { tools, issues };
}

export function readToolFiles(dir = TOOLS_DIR): { files: { file: string; data: unknown }[]; issues: ProfileIssue[] } {
  const files: { file: string; data: unknown }[] = [];
  const issues: ProfileIssue[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = relative(join(import.meta.dirname, '..', '..'), join(dir, name));
    try {
      files.push({ file, data: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown });
    } catch (error) {
      issues.push({ file, field: '', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return { files, issues };
}
