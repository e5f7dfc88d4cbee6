/**
 * Build-time only (Node): reads data/companies/*.json and checks them, each on its own against the profile schema
 * and then together, with the tool records they name. wxt.config.ts calls this before every build, so an invalid
 * profile fails the build naming file and field.
 */
import { join } from 'node:path';
import * as v from 'valibot';
import { ProfileSchema, type CompanyProfile, type Tool } from '../profiles/schema';
import { withToolLinks } from '../profiles/tool-links';
import { publicSuffixIssues } from './domain-checks';
import { describeIssues, schemaIssues, type DataIssue } from './issues';
import { readJsonFiles } from './json-files';
import { checkTools, TOOLS_DIR } from './tool-files';

export const COMPANIES_DIR = join(import.meta.dirname, '..', 'companies');

/** The heading of a report on the profiles. */
export const PROFILE_ISSUES = 'Invalid company profile data';

// Profiles describe companies, never people's contact details.
const PERSONAL_DATA = /[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d ()-]{8,}\d/;

function duplicates(values: string[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  values.forEach((value, i) => seen.set(value, [...(seen.get(value) ?? []), i]));
  return new Map([...seen].filter(([, at]) => at.length > 1));
}

/** Checks one profile on its own: shape, then the references inside it. */
export function validateProfile(
  file: string,
  data: unknown,
): { profile: CompanyProfile; issues: [] } | { profile: null; issues: DataIssue[] } {
  const parsed = v.safeParse(ProfileSchema, data);
  if (!parsed.success) return { profile: null, issues: schemaIssues(file, parsed.issues) };
  const p = parsed.output;
  const issues: DataIssue[] = [];
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
  issues: DataIssue[];
} {
  const issues: DataIssue[] = [];
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

/**
 * Validates the profiles and the tool records together; every problem found, and when there is none the profiles
 * (joined with their tools' links, as the extension holds them), each with its file.
 */
export function checkProfileDir(
  dir = COMPANIES_DIR,
  toolsDir = TOOLS_DIR,
): { profiles: CompanyProfile[]; located: { file: string; profile: CompanyProfile }[]; tools: Tool[]; issues: DataIssue[] } {
  const read = readJsonFiles(dir);
  const readTools = readJsonFiles(toolsDir);
  const checked = validateDataset(read.files);
  const allRead = !read.issues.length && checked.located.length === read.files.length;
  const tools = checkTools(readTools.files, checked.located, allRead);
  const issues = [...read.issues, ...checked.issues, ...readTools.issues, ...tools.issues, ...publicSuffixIssues(checked.located)];
  if (issues.length) return { profiles: [], located: [], tools: [], issues };
  const located = checked.located.map(({ file, profile }) => ({ file, profile: withToolLinks(profile, tools.tools) }));
  return { profiles: located.map((l) => l.profile), located, tools: tools.tools, issues };
}


/** Every profile, validated; throws one error listing every problem found. */
export function loadValidProfiles(dir = COMPANIES_DIR, toolsDir = TOOLS_DIR): CompanyProfile[] {
  const { profiles, issues } = checkProfileDir(dir, toolsDir);
  if (issues.length) throw new Error(describeIssues(PROFILE_ISSUES, issues));
  return profiles;
}
