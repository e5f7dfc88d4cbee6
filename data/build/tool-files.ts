/**
 * Build-time only (Node): reads data/tools/*.json, one record per tool, and checks them against the profiles that
 * name them: every record valid (https URL), its file named after it, no tool defined twice (names compared without
 * case), every tool a use names defined, and no record left that nothing names.
 */
import { join } from 'node:path';
import * as v from 'valibot';
import { ToolSchema, type CompanyProfile, type Tool } from '../profiles/schema';
import { schemaIssues, type DataIssue } from './issues';
import type { JsonFile } from './json-files';

export const TOOLS_DIR = join(import.meta.dirname, '..', 'tools');

/** The file name a tool's record lives under: "Apache Airflow" -> apache-airflow, "coverage.py" -> coverage-py. */
export const toolFileId = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function checkTools(
  files: readonly JsonFile[],
  profiles: readonly { file: string; profile: CompanyProfile }[],
  /** false when some profile could not be read: a record it names would look unused */
  allProfiles = true,
): { tools: Tool[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const tools: Tool[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, data } of files) {
    const parsed = v.safeParse(ToolSchema, data);
    if (!parsed.success) {
      issues.push(...schemaIssues(file, parsed.issues));
      continue;
    }
    const tool = parsed.output;
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
