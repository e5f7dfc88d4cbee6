// The browser's i18n API for unit tests, from the real English messages (named placeholders as browsers do).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function getMessage(key: string, substitutions: string | string[] = []): string {
  const entry = (en as Messages)[key];
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
  });
}

export function installI18n() {
  (fakeBrowser.i18n as unknown as { getMessage: typeof getMessage }).getMessage = getMessage;
  (globalThis as unknown as { chrome: { i18n: { getMessage: typeof getMessage } } }).chrome ??= { i18n: { getMessage } } as never;
}
