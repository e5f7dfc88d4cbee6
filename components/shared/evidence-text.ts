/**
 * How a piece of evidence reads: a localised frame ("cookie …") around the thing found, shown as code, with the
 * part the rule looked for marked when it is only a part of it (a path segment in a script's address, a product
 * token in a header, a host suffix).
 */
import type { Evidence } from '@/data/detection/types';
import { t, type MessageKey } from '@/data/i18n/translate';

const FRAME: Record<Evidence['kind'], MessageKey> = {
  field: 'evidenceField',
  element: 'evidenceElement',
  script: 'evidenceScript',
  link: 'evidenceLink',
  meta: 'evidenceMeta',
  cookie: 'evidenceCookie',
  global: 'evidenceGlobal',
  header: 'evidenceHeader',
  host: 'evidenceHost',
};

/** Header names as people write them: "x-powered-by" → "X-Powered-By". */
export const headerCase = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/**
 * The code part: `Server: gunicorn/22.0.0`, `generator: Sphinx 7.2.6`, `csrftoken`, `/_nicegui/2.0.0/static/nicegui.js`,
 * `<a href="https://www.mkdocs.org/">`.
 */
export function evidenceCode(e: Evidence): string {
  if (e.kind === 'header') return `${headerCase(e.subject)}: ${e.value ?? ''}`;
  if (e.kind === 'meta') return `${e.subject}: ${e.value ?? ''}`;
  return e.subject;
}

/**
 * The code split around what the rule looked for: [before, matched, after], with matched empty when the whole
 * code is what was found. For headers and meta tags the match is looked for in the value, after the name.
 */
export function evidenceParts(e: Evidence): [string, string, string] {
  const code = evidenceCode(e);
  if (!e.matched) return [code, '', ''];
  const from = e.kind === 'header' || e.kind === 'meta' ? code.length - (e.value ?? '').length : 0;
  const at = code.toLowerCase().indexOf(e.matched.toLowerCase(), from);
  if (at < 0 || e.matched.length === code.length) return [code, '', ''];
  return [code.slice(0, at), code.slice(at, at + e.matched.length), code.slice(at + e.matched.length)];
}

const MARK = '\u0001';

/** The frame split around the code: [before, after] (word order differs between languages). */
export function evidenceFrame(e: Evidence): [string, string] {
  const [before = '', after = ''] = t(FRAME[e.kind], MARK).split(MARK);
  return [before, after];
}
