/**
 * Build-time only (Node): reads data/detection/*.json and checks the rules, each on its own against the rule
 * schema and then together, and that every fixture a rule names exists (Python pages under python/, look-alikes
 * under not-python/).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { RuleSchema, type RuleFile } from '../detection/rule-schema';
import { describeIssues, schemaIssues, type DataIssue } from './issues';
import { readJsonFiles, type JsonFile } from './json-files';

export const RULES_DIR = join(import.meta.dirname, '..', 'detection');
export const DETECTION_FIXTURES_DIR = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'detection');

export const fixturePath = (group: 'python' | 'not-python', name: string, dir = DETECTION_FIXTURES_DIR) => join(dir, group, `${name}.html`);

export function checkRuleDir(dir = RULES_DIR, fixturesDir = DETECTION_FIXTURES_DIR): { rules: RuleFile[]; issues: DataIssue[] } {
  const read = readJsonFiles(dir);
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

/** The heading of a report on the rules. */
export const RULE_ISSUES = 'Invalid detection rule data';

export function loadValidRules(dir = RULES_DIR): RuleFile[] {
  const { rules, issues } = checkRuleDir(dir);
  if (issues.length) throw new Error(describeIssues(RULE_ISSUES, issues));
  return rules;
}

/** What makes two signals the same, so a rule cannot count one marker twice. */
const signalKey = (s: RuleFile['signals'][number]) => JSON.stringify({ ...s, weight: undefined });

/** One rule on its own: shape, id = file name, no repeated signal, and reportable on its own evidence. */
export function validateRule(file: string, data: unknown): { rule: RuleFile | null; issues: DataIssue[] } {
  const parsed = v.safeParse(RuleSchema, data);
  if (!parsed.success) return { rule: null, issues: schemaIssues(file, parsed.issues) };
  const rule = parsed.output;
  const issues: DataIssue[] = [];
  const expectedId = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (file.endsWith('.json') && rule.id !== expectedId) issues.push({ file, field: 'id', message: `"${rule.id}" must match the file name "${expectedId}"` });
  const seen = new Map<string, number>();
  rule.signals.forEach((s, i) => {
    const key = signalKey(s);
    if (seen.has(key)) issues.push({ file, field: `signals[${i}]`, message: `repeats signals[${seen.get(key)}]` });
    else seen.set(key, i);
  });
  // Weak signals only corroborate: a rule made of them alone could never be reported, or only on a pile of hints.
  if (!rule.signals.some((s) => s.weight !== 'weak')) issues.push({ file, field: 'signals', message: 'needs at least one strong or medium signal' });
  return issues.length ? { rule: null, issues } : { rule, issues: [] };
}

/** Every rule, and what must hold across them: unique ids and names. */
export function validateRules(files: readonly JsonFile[]): { rules: RuleFile[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const rules: RuleFile[] = [];
  const owner = new Map<string, string>();
  for (const { file, data } of files) {
    const result = validateRule(file, data);
    issues.push(...result.issues);
    if (!result.rule) continue;
    for (const [field, key] of [['id', `id:${result.rule.id}`], ['name', `name:${result.rule.name.toLowerCase()}`]] as const) {
      const other = owner.get(key);
      if (other) issues.push({ file, field, message: `"${result.rule[field]}" is also used in ${other}` });
      else owner.set(key, file);
    }
    rules.push(result.rule);
  }
  if (files.length === 0) issues.push({ file: 'data/detection', field: '', message: 'no rules found' });
  return { rules: issues.length ? [] : rules, issues };
}
