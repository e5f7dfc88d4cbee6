/**
 * Build-time only (Node): reads data/companies/*.json from disk and validates them together.
 * wxt.config.ts calls this before every build, so an invalid profile fails the build naming file and field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatIssue, validateDataset, type CompanyProfile } from './schema';

export const COMPANIES_DIR = join(import.meta.dirname, 'companies');

export function readProfileFiles(dir = COMPANIES_DIR): { file: string; data: unknown }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const file = relative(join(import.meta.dirname, '..'), path);
      try {
        return { file, data: JSON.parse(readFileSync(path, 'utf8')) as unknown };
      } catch (error) {
        throw new Error(`${file}: (root): not valid JSON: ${(error as Error).message}`);
      }
    });
}

/** Every profile, validated; throws one error listing every problem found. */
export function loadValidProfiles(dir = COMPANIES_DIR): CompanyProfile[] {
  const { profiles, issues } = validateDataset(readProfileFiles(dir));
  if (issues.length) {
    throw new Error(`Invalid company profile data:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
  }
  return profiles;
}
