/**
 * The shape of a company profile (data/companies/<id>.json) and of a tool record (data/tools/<id>.json), as
 * valibot schemas from which the types are inferred. data/build checks every file against them before anything is
 * bundled (wxt.config.ts fails the build on an error); the extension only ever sees profiles that passed, so what
 * ships imports the types from here, never the schemas (and with them valibot) themselves.
 *
 * Every message says what is wrong in words a person editing the file can act on; data/build adds file and field.
 */
import * as v from 'valibot';
import { AREAS } from './areas';
import { ID } from './ids';
import { SOURCE_KINDS } from './source-kinds';

export const SUMMARY_MAX = 180;
export const USE_TEXT_MAX = 260;
/** A profile with one claim, or one source, is a rumour, not a profile. */
export const MIN_USES = 2;
export const MIN_SOURCES = 2;

// A registrable hostname in lower case: labels of letters, digits and inner hyphens, at least one dot, no IP.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

const typeName = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** A value of the wrong type: "Invalid input: expected string, received undefined". */
export const wrongType = (issue: v.BaseIssue<unknown>): string =>
  `Invalid input: expected ${issue.expected?.toLowerCase() ?? 'another value'}, received ${typeName(issue.input)}`;

/**
 * An object that takes no other keys (a typo cannot silently drop data). A key that is missing is reported with
 * what that key's own schema says of an absent value ("must be a real date written YYYY-MM-DD"), not as a bare
 * "missing key"; a key too many as `Unrecognized key: "sumary"`. (The options of a variant, which valibot wants
 * as plain object schemas.)
 */
export function strictEntries<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, (issue) => {
    if (issue.expected === 'never') return `Unrecognized key: ${issue.received}`;
    const key = issue.path?.at(-1)?.key;
    const entry = typeof key === 'string' && Object.hasOwn(entries, key) ? entries[key] : undefined;
    const absent = entry ? v.safeParse(entry, undefined) : undefined;
    return absent?.success === false ? absent.issues[0].message : wrongType(issue);
  });
}

// valibot takes an array for an object, and would then report each of its keys missing: it is one wrong type.
const notArray = v.custom<Record<string, unknown>>((input) => !Array.isArray(input), (issue) => wrongType({ ...issue, expected: 'object' }));

/** strictEntries, refusing an array in its place. */
export const closedObject = <const E extends v.ObjectEntries>(entries: E) => v.pipe(notArray, strictEntries(entries));

/** Text a reader sees: trimmed, not empty, at most `max` characters. */
export const text = (max: number) =>
  v.pipe(v.string(wrongType), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const id = () => v.pipe(v.string(wrongType), v.regex(ID, 'must be kebab-case (a-z, 0-9, -)'));

/** Whether `text` is an absolute URL whose scheme `scheme` matches; http(s) ones must spell out "://". */
function isUrl(text: string, scheme: RegExp): boolean {
  const trimmed = text.trim();
  if (scheme.source === '^https?$' && !/^https?:\/\//i.test(trimmed)) return false;
  try {
    return scheme.test(new URL(trimmed).protocol.slice(0, -1));
  } catch {
    return false;
  }
}

/** An absolute URL of the given scheme ("https", or /^https?$/ for either). */
export const url = (scheme: RegExp, message: string) => v.pipe(v.string(message), v.check((s) => isUrl(s, scheme), message));

/** A year something happened: not before Python, not in the future. */
const year = (tooEarly: string) =>
  v.pipe(
    v.number(wrongType),
    v.integer('must be a whole year'),
    v.minValue(1989, tooEarly),
    v.maxValue(new Date().getFullYear(), 'must not be in the future'),
  );

const isRealDate = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);

const hostnames = () => v.array(v.pipe(v.string(wrongType), v.regex(DOMAIN, 'must be a lower-case hostname such as "example.com"')), wrongType);

const SourceSchema = closedObject({
  id: id(),
  title: text(200),
  publisher: text(100),
  year: year('must be 1989 or later (Python did not exist before)'),
  url: url(/^https?$/, 'must be an absolute http(s) URL'),
  kind: v.picklist(SOURCE_KINDS, `must be one of: ${SOURCE_KINDS.join(', ')}`),
});

const UseSchema = closedObject({
  area: v.picklist(AREAS, `must be one of: ${AREAS.join(', ')}`),
  text: text(USE_TEXT_MAX),
  tools: v.array(text(40), wrongType),
  sources: v.pipe(v.array(v.string(wrongType), wrongType), v.minLength(1, 'must cite at least one source')),
  // The year a use ended, for a use the sources show only in the past: the card marks it, so it never reads as now.
  until: v.optional(year('must be 1989 or later')),
});

export const ProfileSchema = closedObject({
  id: id(),
  name: text(60),
  parent: v.optional(text(60)),
  domains: v.pipe(hostnames(), v.minLength(1, 'must list at least one domain')),
  // Hosts where the company's users or customers publish their own content (tenant.sharepoint.com, app.hf.space):
  // a host strictly under one of these is not the company's site and gets no card.
  userContent: v.optional(hostnames()),
  summary: text(SUMMARY_MAX),
  uses: v.pipe(v.array(UseSchema, wrongType), v.minLength(MIN_USES, `must list at least ${MIN_USES} uses`)),
  otherLanguages: v.array(text(40), wrongType),
  sources: v.pipe(v.array(SourceSchema, wrongType), v.minLength(MIN_SOURCES, `must list at least ${MIN_SOURCES} sources`)),
  reviewed: v.pipe(
    v.string('must be a real date written YYYY-MM-DD'),
    v.check(isRealDate, 'must be a real date written YYYY-MM-DD'),
    v.check((d) => d <= new Date().toISOString().slice(0, 10), 'must not be in the future'),
  ),
});

/** A tool a use names, as the card links it: one record per tool in data/tools/<id>.json, shared by all profiles. */
export const ToolSchema = closedObject({
  name: text(40),
  url: url(/^https$/, 'must be an absolute https URL'),
  about: text(60),
});
export type Tool = v.InferOutput<typeof ToolSchema>;
export type ToolLink = Pick<Tool, 'url' | 'about'>;

/**
 * A profile as the extension holds it: the file's fields, plus the links of the tools it names, joined from
 * data/tools/ when the dataset is bundled (a profile made without them, as in unit tests, shows plain names).
 */
export type CompanyProfile = v.InferOutput<typeof ProfileSchema> & { toolLinks?: Record<string, ToolLink> };
export type CompanyUse = CompanyProfile['uses'][number];
export type CompanySource = CompanyProfile['sources'][number];
