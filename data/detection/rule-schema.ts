/**
 * The shape of a detection rule (data/detection/<id>.json): one Python technology and the signals that give it
 * away. Validated at build time and by `npm run data:check` like the profiles; the extension only imports types.
 */
import { z } from 'zod';
import { fieldPath, type ProfileIssue } from '../profiles/schema';
import { SIGNAL_WEIGHTS, TECH_CATEGORIES } from './types';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// A top-level window property: no dots, so the main-world probe is a plain `in` test with nothing to walk.
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const HEADER_NAME = /^[a-z0-9-]+$/;
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~\w]+$/;
const HOST_SUFFIX = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*$/;
const FIXTURE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Text a signal looks for inside an attribute or header value: short, and never a whole-document pattern.
const needle = z.string().trim().min(2, 'must be at least 2 characters').max(80, 'must be at most 80 characters');
const weight = z.enum(SIGNAL_WEIGHTS, { error: `must be one of: ${SIGNAL_WEIGHTS.join(', ')}` });

const SignalSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('field'), name: z.string().regex(/^[\w-]{2,60}$/, 'must be a form field name'), weight }),
    z.strictObject({
      kind: z.literal('element'),
      selector: z.string().trim().min(2, 'must be at least 2 characters').max(120, 'must be at most 120 characters').refine((s) => !s.includes(':has('), 'must not use :has() (unbounded)'),
      weight,
    }),
    z.strictObject({ kind: z.literal('script'), contains: needle, weight }),
    z.strictObject({ kind: z.literal('link'), contains: needle, weight }),
    z.strictObject({ kind: z.literal('meta'), name: z.string().regex(/^[\w:.-]{2,60}$/, 'must be a meta name'), contains: needle, weight }),
    z.strictObject({ kind: z.literal('cookie'), name: z.string().regex(COOKIE_NAME, 'must be a cookie name').max(60), weight }),
    z.strictObject({ kind: z.literal('global'), name: z.string().regex(IDENTIFIER, 'must be a top-level identifier').max(60), weight }),
    z.strictObject({ kind: z.literal('header'), name: z.string().regex(HEADER_NAME, 'must be a lower-case header name'), contains: needle, weight }),
    z.strictObject({ kind: z.literal('host'), suffix: z.string().regex(HOST_SUFFIX, 'must be a lower-case host name'), weight }),
  ],
  { error: 'kind must be one of: field, element, script, link, meta, cookie, global, header, host' },
);

export const RuleSchema = z.strictObject({
  id: z.string().regex(ID, 'must be kebab-case (a-z, 0-9, -)'),
  name: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
  category: z.enum(TECH_CATEGORIES, { error: `must be one of: ${TECH_CATEGORIES.join(', ')}` }),
  website: z.url({ protocol: /^https$/, error: 'must be an absolute https URL' }),
  signals: z.array(SignalSchema).min(1, 'must list at least one signal'),
  references: z
    .array(z.strictObject({ title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'), url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }) }))
    .min(1, 'must name where the markers come from'),
  fixtures: z.strictObject({
    match: z.array(z.string().regex(FIXTURE, 'must be a fixture name')).min(1, 'must list a Python page the rule detects'),
    mustNotMatch: z.array(z.string().regex(FIXTURE, 'must be a fixture name')).min(1, 'must list a non-Python look-alike the rule must not detect'),
  }),
});

export type RuleFile = z.infer<typeof RuleSchema>;

/** What makes two signals the same, so a rule cannot count one marker twice. */
const signalKey = (s: RuleFile['signals'][number]) => JSON.stringify({ ...s, weight: undefined });

/** One rule on its own: shape, id = file name, no repeated signal, and reportable on its own evidence. */
export function validateRule(file: string, data: unknown): { rule: RuleFile | null; issues: ProfileIssue[] } {
  const parsed = RuleSchema.safeParse(data);
  if (!parsed.success) {
    return { rule: null, issues: parsed.error.issues.map((i) => ({ file, field: fieldPath(i.path), message: i.message })) };
  }
  const rule = parsed.data;
  const issues: ProfileIssue[] = [];
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
export function validateRules(files: { file: string; data: unknown }[]): { rules: RuleFile[]; issues: ProfileIssue[] } {
  const issues: ProfileIssue[] = [];
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
