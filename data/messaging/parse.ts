/**
 * The background's check on every message it receives (valibot: small, and only the background bundles it).
 * Anything that does not parse is rejected with a reason: the background never guesses what a sender meant.
 */
import * as v from 'valibot';
import { ID } from '../profiles/ids';
import type { Message } from './protocol';

const TAB_ID = v.pipe(v.number('tabId must be a number'), v.integer('tabId must be a whole number'), v.minValue(0, 'tabId must not be negative'));

const MessageSchema = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('card:visible') }),
    v.strictObject({
      type: v.literal('site:set-enabled'),
      companyId: v.pipe(v.string('companyId must be a string'), v.maxLength(60, 'companyId is too long'), v.regex(ID, 'bad companyId')),
      enabled: v.boolean('enabled must be a boolean'),
    }),
    v.strictObject({ type: v.literal('dataset:ensure') }),
    v.strictObject({ type: v.literal('dataset:companies') }),
    v.strictObject({ type: v.literal('options:open') }),
    v.strictObject({ type: v.literal('card:more') }),
    v.strictObject({ type: v.literal('popup:open'), tabId: v.nullable(TAB_ID) }),
    v.strictObject({ type: v.literal('detection:for-tab'), tabId: TAB_ID }),
    v.strictObject({ type: v.literal('card:show'), tabId: TAB_ID }),
    v.strictObject({ type: v.literal('detection:show'), tabId: TAB_ID }),
  ],
  (issue) =>
    typeof issue.input === 'string' ? `unknown message type "${issue.input.slice(0, 40)}"` : 'not a message: expected an object with a "type"',
);

/** The message if it is one of ours and well formed, otherwise an error saying what is wrong. */
export function parseMessage(raw: unknown): { message: Message } | { error: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'not a message: expected an object with a "type"' };
  const result = v.safeParse(MessageSchema, raw);
  if (result.success) return { message: result.output };
  const issue = result.issues[0];
  const where = v.getDotPath(issue);
  const type = String((raw as { type?: unknown }).type).slice(0, 40);
  if (issue.kind === 'schema' && issue.type === 'strict_object' && where) {
    return { error: `${type}: ${issue.input === undefined ? 'missing' : 'unexpected'} field "${where}"` };
  }
  return { error: where ? `${type}: ${where}: ${issue.message}` : issue.message };
}
