/**
 * Build-time only (Node): the data folders' JSON files, each parsed, named by its path from the repository root.
 * Profiles, tool records and detection rules are all read here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DataIssue } from './issues';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export interface JsonFile {
  /** the path from the repository root, as issues name it */
  file: string;
  data: unknown;
}

/** Every .json file in `dir`, in name order, and one issue for each that is not JSON (the others are still read). */
export function readJsonFiles(dir: string): { files: JsonFile[]; issues: DataIssue[] } {
  const files: JsonFile[] = [];
  const issues: DataIssue[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    const file = relative(REPO_ROOT, path);
    try {
      files.push({ file, data: JSON.parse(readFileSync(path, 'utf8')) as unknown });
    } catch (error) {
      issues.push({ file, field: '', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  return { files, issues };
}
