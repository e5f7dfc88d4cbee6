/**
 * Interface text in the browser's language through the i18n API (public/_locales: English complete, German and
 * Spanish). Works in the card script too: it uses the `browser`/`chrome` global directly, no polyfill. Company
 * profiles stay in English, as written and sourced.
 *
 * In a web page the card does not ask the browser: the first i18n call in a page's renderer waits on a
 * synchronous trip to the browser for the extension's messages (1.5–22 ms measured, on the page's main thread).
 * The background hands the card the messages it uses instead (card-words.ts), left in the isolated world under
 * HANDED_MESSAGES_KEY, where every script of the card finds them.
 */
import type en from '../../public/_locales/en/messages.json';
import { extensionGlobal } from '../browser/extension-global';

export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

/** Where handed messages are found: a global of the card's isolated world (pages never see it). */
export const HANDED_MESSAGES_KEY = '__pythonInsideMessages';

const i18n = () => extensionGlobal<{ i18n?: I18nApi }>()?.i18n;
const handed = () => (globalThis as { [HANDED_MESSAGES_KEY]?: Record<string, string> })[HANDED_MESSAGES_KEY];

/** $1 to $9, as substitutions: what `template` asks the browser to fill in, so they stay for `t` to fill. */
const MARKERS = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];

/** The message for `key` with its substitutions still to fill ($1, $2, ...): what the background hands the card. */
export const template = (key: MessageKey): string => i18n()?.getMessage(key, MARKERS) || key;

/**
 * A handed message with $1 to $9 filled in, in one pass: a substitution that itself holds "$1" (a company's name,
 * say) is never filled again. A loop rather than a regular expression, whose first use in the card's fresh world
 * costs more than all the card's messages together.
 */
function fill(message: string, substitutions: readonly (string | number)[]): string {
  let out = '';
  let from = 0;
  for (let at = message.indexOf('$'); at >= 0 && at < message.length - 1; at = message.indexOf('$', from)) {
    const n = message.charCodeAt(at + 1) - 48;
    if (n < 1 || n > 9) {
      out += message.slice(from, at + 1);
      from = at + 1;
      continue;
    }
    out += message.slice(from, at) + String(substitutions[n - 1] ?? '');
    from = at + 2;
  }
  return out + message.slice(from);
}

/** The message for `key` with $1, $2, ... filled in; the key itself if the browser has no such message. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const message = handed()?.[key];
  if (message !== undefined) return fill(message, substitutions);
  return i18n()?.getMessage(key, substitutions.map(String)) || key;
}

/** An extension page in the browser's language: its lang attribute (for screen readers) and its title. */
export function localizePage(title?: MessageKey): void {
  const language = (i18n() as { getUILanguage?: () => string } | undefined)?.getUILanguage?.();
  if (language) document.documentElement.lang = language;
  if (title) document.title = t(title);
}
