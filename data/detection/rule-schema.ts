/**
 * The shape of a detection rule (data/detection/<id>.json): one Python technology and the signals that give it
 * away, as valibot schemas from which the types are inferred. data/build checks every rule against it, like the
 * profiles; what ships imports only the types.
 */
import * as v from 'valibot';
import { ID } from '../profiles/ids';
import { closedObject, strictEntries, text, url, wrongType } from '../profiles/schema';

export const SIGNAL_WEIGHTS = ['strong', 'medium', 'weak'] as const;

export const TECH_CATEGORIES = [
  'web-framework',
  'web-server',
  'cms',
  'docs',
  'static-site',
  'notebook',
  'data-app',
  'python-in-browser',
  'application',
] as const;

// A top-level window property: no dots, so the main-world probe is a plain `in` test with nothing to walk.
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const HEADER_NAME = /^[a-z0-9-]+$/;
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~\w]+$/;
const HOST_SUFFIX = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*$/;

const name = (pattern: RegExp, message: string) => v.pipe(v.string(wrongType), v.regex(pattern, message));
const shortName = (pattern: RegExp, message: string) =>
  v.pipe(v.string(wrongType), v.regex(pattern, message), v.maxLength(60, 'Too big: expected string to have <=60 characters'));
// Text a signal looks for inside an attribute or header value: short, and never a whole-document pattern.
const needle = () => v.pipe(v.string(wrongType), v.trim(), v.minLength(2, 'must be at least 2 characters'), v.maxLength(80, 'must be at most 80 characters'));
const weight = v.picklist(SIGNAL_WEIGHTS, `must be one of: ${SIGNAL_WEIGHTS.join(', ')}`);
const fixtureNames = (atLeastOne: string) => v.pipe(v.array(v.pipe(v.string(wrongType), v.regex(ID, 'must be a fixture name')), wrongType), v.minLength(1, atLeastOne));

const SignalSchema = v.variant(
  'kind',
  [
    strictEntries({ kind: v.literal('field'), name: name(/^[\w-]{2,60}$/, 'must be a form field name'), weight }),
    strictEntries({
      kind: v.literal('element'),
      selector: v.pipe(
        v.string(wrongType),
        v.trim(),
        v.minLength(2, 'must be at least 2 characters'),
        v.maxLength(120, 'must be at most 120 characters'),
        v.check((s) => !s.includes(':has('), 'must not use :has() (unbounded)'),
      ),
      weight,
    }),
    strictEntries({ kind: v.literal('script'), contains: needle(), weight }),
    strictEntries({ kind: v.literal('link'), contains: needle(), weight }),
    strictEntries({ kind: v.literal('meta'), name: name(/^[\w:.-]{2,60}$/, 'must be a meta name'), contains: needle(), weight }),
    strictEntries({ kind: v.literal('cookie'), name: shortName(COOKIE_NAME, 'must be a cookie name'), weight }),
    strictEntries({ kind: v.literal('global'), name: shortName(IDENTIFIER, 'must be a top-level identifier'), weight }),
    strictEntries({ kind: v.literal('header'), name: name(HEADER_NAME, 'must be a lower-case header name'), contains: needle(), weight }),
    strictEntries({ kind: v.literal('host'), suffix: name(HOST_SUFFIX, 'must be a lower-case host name'), weight }),
  ],
  'kind must be one of: field, element, script, link, meta, cookie, global, header, host',
);

export const RuleSchema = closedObject({
  id: v.pipe(v.string(wrongType), v.regex(ID, 'must be kebab-case (a-z, 0-9, -)')),
  name: text(40),
  category: v.picklist(TECH_CATEGORIES, `must be one of: ${TECH_CATEGORIES.join(', ')}`),
  website: url(/^https$/, 'must be an absolute https URL'),
  signals: v.pipe(v.array(SignalSchema, wrongType), v.minLength(1, 'must list at least one signal')),
  references: v.pipe(
    v.array(closedObject({ title: text(200), url: url(/^https?$/, 'must be an absolute http(s) URL') }), wrongType),
    v.minLength(1, 'must name where the markers come from'),
  ),
  fixtures: closedObject({
    match: fixtureNames('must list a Python page the rule detects'),
    mustNotMatch: fixtureNames('must list a non-Python look-alike the rule must not detect'),
  }),
});

/** A rule file as written, references and fixtures included. */
export type RuleFile = v.InferOutput<typeof RuleSchema>;
export type Signal = v.InferOutput<typeof SignalSchema>;
export type SignalWeight = (typeof SIGNAL_WEIGHTS)[number];
export type TechCategory = (typeof TECH_CATEGORIES)[number];
