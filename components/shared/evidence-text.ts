/** How a piece of evidence reads: a localised frame ("cookie …") around the thing found, shown as code. */
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

/** The code part: `Server: gunicorn/22.0.0`, `generator: Sphinx 7.2.6`, `csrftoken`. */
export function evidenceCode(e: Evidence): string {
  if (e.kind === 'header') return `${headerCase(e.subject)}: ${e.value ?? ''}`;
  if (e.kind === 'meta') return `${e.subject}: ${e.value ?? ''}`;
  return e.subject;
}

const MARK = '\u0001';

/** The frame split around the code: [before, after] (word order differs between languages). */
export function evidenceFrame(e: Evidence): [string, string] {
  const [before = '', after = ''] = t(FRAME[e.kind], MARK).split(MARK);
  return [before, after];
}
