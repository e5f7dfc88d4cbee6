/**
 * The shape of a company profile (data/companies/<id>.json) and its validation.
 *
 * Runs at build time (wxt.config.ts fails the build on an error) and in unit tests; the extension itself
 * only ever sees profiles that passed, so runtime code imports the types, never zod.
 */
import { z } from 'zod';
import { AREAS } from './areas';
import { SOURCE_KINDS } from './source-kinds';

export const SUMMARY_MAX = 180;
export const USE_TEXT_MAX = 260;
/** A profile with one claim, or one source, is a rumour, not a profile. */
export const MIN_USES = 2;
export const MIN_SOURCES = 2;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// A registrable hostname in lower case: labels of letters, digits and inner hyphens, at least one dot, no IP.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

// Profiles describe companies, never people's contact details.
const PERSONAL_DATA = /[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ()-]{8,}\d/;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const SourceSchema = z.strictObject({
  id: z.string().regex(ID, 'must be kebab-case (a-z, 0-9, -)'),
  title: text(200),
  publisher: text(100),
  year: z
    .number()
    .int('must be a whole year')
    .min(1989, 'must be 1989 or later (Python did not exist before)')
    .max(new Date().getFullYear(), 'must not be in the future'),
  url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
  kind: z.enum(SOURCE_KINDS, { error: `must be one of: ${SOURCE_KINDS.join(', ')}` }),
});

const UseSchema = z.strictObject({
  area: z.enum(AREAS, { error: `must be one of: ${AREAS.join(', ')}` }),
  text: text(USE_TEXT_MAX),
  tools: z.array(text(40)),
  sources: z.array(z.string()).min(1, 'must cite at least one source'),
  // The year a use ended, for a use the sources show only in the past: the card marks it, so it never reads as now.
  until: z
    .number()
    .int('must be a whole year')
    .min(1989, 'must be 1989 or later')
    .max(new Date().getFullYear(), 'must not be in the future')
    .optional(),
});

export const ProfileSchema = z.strictObject({
  id: z.string().regex(ID, 'must be kebab-case (a-z, 0-9, -)'),
  name: text(60),
  parent: text(60).optional(),
  domains: z.array(z.string().regex(DOMAIN, 'must be a lower-case hostname such as "example.com"')).min(1, 'must list at least one domain'),
  // Hosts where the company's users or customers publish their own content (tenant.sharepoint.com, app.hf.space):
  // a host strictly under one of these is not the company's site and gets no card.
  userContent: z.array(z.string().regex(DOMAIN, 'must be a lower-case hostname such as "example.com"')).optional(),
  summary: text(SUMMARY_MAX),
  uses: z.array(UseSchema).min(MIN_USES, `must list at least ${MIN_USES} uses`),
  otherLanguages: z.array(text(40)),
  sources: z.array(SourceSchema).min(MIN_SOURCES, `must list at least ${MIN_SOURCES} sources`),
  reviewed: z.iso
    .date({ error: 'must be a real date written YYYY-MM-DD' })
    .refine((d) => d <= new Date().toISOString().slice(0, 10), 'must not be in the future'),
});

/** A tool a use names, as the card links it: one record per tool in data/tools/<id>.json, shared by all profiles. */
export const ToolSchema = z.strictObject({
  name: text(40),
  url: z.url({ protocol: /^https$/, error: 'must be an absolute https URL' }),
  about: text(60),
});
export type Tool = z.infer<typeof ToolSchema>;
export type ToolLink = Pick<Tool, 'url' | 'about'>;

/**
 * A profile as the extension holds it: the file's fields, plus the links of the tools it names, joined from
 * data/tools/ when the dataset is bundled (a profile made without them, as in unit tests, shows plain names).
 */
export type CompanyProfile = z.infer<typeof ProfileSchema> & { toolLinks?: Record<string, ToolLink> };
export type CompanyUse = CompanyProfile['uses'][number];
export type CompanySource = CompanyProfile['sources'][number];

/** One problem in one file: `file: field: message`, so a failing build says exactly what to fix. */
export interface ProfileIssue {
  file: string;
  field: string;
  message: string;
}

export const formatIssue = (i: ProfileIssue) => `${i.file}: ${i.field || '(root)'}: ${i.message}`;

export function fieldPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

function duplicates(values: string[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  values.forEach((v, i) => seen.set(v, [...(seen.get(v) ?? []), i]));
  return new Map([...seen].filter(([, at]) => at.length > 1));
}

/** Checks one profile on its own: shape, then the references inside it. */
export function validateProfile(
  file: string,
  data: unknown,
): { profile: CompanyProfile; issues: [] } | { profile: null; issues: ProfileIssue[] } {
  const parsed = ProfileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      profile: null,
      issues: parsed.error.issues.map((i) => ({ file, field: fieldPath(i.path), message: i.message })),
    };
  }
  const p = parsed.data;
  const issues: ProfileIssue[] = [];
  const expectedId = file.replace(/^.*\//, '').replace(/\.json$/, '');
  if (file.endsWith('.json') && p.id !== expectedId) {
    issues.push({ file, field: 'id', message: `"${p.id}" must match the file name "${expectedId}"` });
  }
  const sourceIds = new Set(p.sources.map((s) => s.id));
  for (const [id, at] of duplicates(p.sources.map((s) => s.id))) {
    issues.push({ file, field: `sources[${at[1]}].id`, message: `duplicate source id "${id}"` });
  }
  for (const [domain, at] of duplicates(p.domains)) {
    issues.push({ file, field: `domains[${at[1]}]`, message: `"${domain}" is listed twice` });
  }
  p.domains.forEach((d, i) => {
    const parent = p.domains.find((other) => other !== d && d.endsWith(`.${other}`));
    if (parent) issues.push({ file, field: `domains[${i}]`, message: `"${d}" is already covered by "${parent}"` });
  });
  for (const [url, at] of duplicates(p.sources.map((s) => s.url))) {
    issues.push({ file, field: `sources[${at[1]}].url`, message: `"${url}" is already sources[${at[0]}]` });
  }
  p.userContent?.forEach((host, i) => {
    if (!p.domains.some((d) => host === d || host.endsWith(`.${d}`))) {
      issues.push({ file, field: `userContent[${i}]`, message: `"${host}" is not one of this profile's domains or under one` });
    }
  });
  p.uses.forEach((use, u) => {
    if (use.until !== undefined && !use.text.includes(String(use.until))) {
      issues.push({ file, field: `uses[${u}].until`, message: `the text must say when the use ended (${use.until}), in the past tense` });
    }
    for (const [tool] of duplicates(use.tools)) {
      issues.push({ file, field: `uses[${u}].tools`, message: `"${tool}" is listed twice` });
    }
  });
  for (const [field, value] of [['summary', p.summary], ...p.uses.map((use, u) => [`uses[${u}].text`, use.text])]) {
    if (PERSONAL_DATA.test(value!)) issues.push({ file, field: field!, message: 'must not contain an e-mail address or phone number' });
  }
  const cited = new Set<string>();
  p.uses.forEach((use, u) =>
    use.sources.forEach((ref, r) => {
      cited.add(ref);
      if (!sourceIds.has(ref)) {
        issues.push({ file, field: `uses[${u}].sources[${r}]`, message: `cites unknown source "${ref}"` });
      }
    }),
  );
  p.sources.forEach((s, i) => {
    if (!cited.has(s.id)) issues.push({ file, field: `sources[${i}]`, message: `source "${s.id}" is not cited by any use` });
  });
  return issues.length ? { profile: null, issues } : { profile: p, issues: [] };
}

/** Checks every profile and what must hold across them: unique ids, each domain claimed once. */
export function validateDataset(files: { file: string; data: unknown }[]): {
  profiles: CompanyProfile[];
  /** Every profile that is valid on its own, with its file, even when the dataset as a whole is not. */
  located: { file: string; profile: CompanyProfile }[];
  issues: ProfileIssue[];
} {
  const issues: ProfileIssue[] = [];
  const profiles: CompanyProfile[] = [];
  const located: { file: string; profile: CompanyProfile }[] = [];
  const idOwner = new Map<string, string>();
  const domainOwner = new Map<string, string>();
  for (const { file, data } of files) {
    const result = validateProfile(file, data);
    if (!result.profile) {
      issues.push(...result.issues);
      continue;
    }
    const p = result.profile;
    const otherFile = idOwner.get(p.id);
    if (otherFile) issues.push({ file, field: 'id', message: `"${p.id}" is also the id in ${otherFile}` });
    else idOwner.set(p.id, file);
    p.domains.forEach((d, i) => {
      const owner = domainOwner.get(d);
      if (owner) issues.push({ file, field: `domains[${i}]`, message: `"${d}" is also claimed by ${owner}` });
      else domainOwner.set(d, file);
    });
    profiles.push(p);
    located.push({ file, profile: p });
  }
  if (files.length === 0) issues.push({ file: 'data/companies', field: '', message: 'no profiles found' });
  return { profiles: issues.length ? [] : profiles, located, issues };
}
