/**
 * Interface text in the browser's language through the i18n API (public/_locales: English complete, German and
 * Spanish). Works in the card script too: it uses the `browser`/`chrome` global directly, no polyfill. Company
 * profiles stay in English, as written and sourced.
 */
import type en from '../../public/_locales/en/messages.json';
import { extensionGlobal } from '../browser/extension-global';

export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

const i18n = () => extensionGlobal<{ i18n?: I18nApi }>()?.i18n;

/** The message for `key` with $1, $2, ... filled in; the key itself if the browser has no such message. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return i18n()?.getMessage(key, substitutions.map(String)) || key;
}

/** An extension page in the browser's language: its lang attribute (for screen readers) and its title. */
export function localizePage(title?: MessageKey): void {
  const language = (i18n() as { getUILanguage?: () => string } | undefined)?.getUILanguage?.();
  if (language) document.documentElement.lang = language;
  if (title) document.title = t(title);
}
