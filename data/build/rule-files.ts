/**
 * Build-time only (Node): reads data/detection/*.json, validates the rules, and checks that every fixture a
 * rule names exists (Python pages under python/, look-alikes under not-python/).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateRules, type RuleFile } from '../detection/rule-schema';
import { readProfileFiles } from './profile-files';
import type { ProfileIssue } from '../profiles/schema';

export const RULES_DIR = join(import.meta.dirname, '..', 'detection');
export const DETECTION_FIXTURES_DIR = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'detection');

export const fixturePath = (group: 'python' | 'not-python', name: string, dir = DETECTION_FIXTURES_DIR) => join(dir, group, `${name}.html`);

export function checkRuleDir(dir = RULES_DIR, fixturesDir = DETECTION_FIXTURES_DIR): { rules: RuleFile[]; issues: ProfileIssue[] } {
  const read = readProfileFiles(dir);
  const checked = validateRules(read.files);
  const issues = [...read.issues, ...checked.issues];
  for (const rule of checked.rules) {
    const file = read.files.find((f) => (f.data as { id?: unknown }).id === rule.id)?.file ?? rule.id;
    rule.fixtures.match.forEach((name, i) => {
      if (!existsSync(fixturePath('python', name, fixturesDir))) issues.push({ file, field: `fixtures.match[${i}]`, message: `no Python fixture "${name}"` });
    });
    rule.fixtures.mustNotMatch.forEach((name, i) => {
      if (!existsSync(fixturePath('not-python', name, fixturesDir))) issues.push({ file, field: `fixtures.mustNotMatch[${i}]`, message: `no non-Python fixture "${name}"` });
    });
  }
  return { rules: issues.length ? [] : checked.rules, issues };
}

export const describeRuleIssues = (issues: readonly ProfileIssue[]) =>
  `Invalid detection rule data:\n${issues.map((i) => `  ${i.file}: ${i.field || '(root)'}: ${i.message}`).join('\n')}`;

export function loadValidRules(dir = RULES_DIR): RuleFile[] {
  const { rules, issues } = checkRuleDir(dir);
  if (issues.length) throw new Error(describeRuleIssues(issues));
  return rules;
}
