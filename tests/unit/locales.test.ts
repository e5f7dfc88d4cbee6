// Every interface message exists in every language, with the same placeholders, and really translated.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const DIR = join(import.meta.dirname, '../../public/_locales');
const load = (lang: string) => JSON.parse(readFileSync(join(DIR, lang, 'messages.json'), 'utf8')) as Messages;
const en = load('en');
const placeholders = (m: Messages[string]) => (m.message.match(/\$[A-Z0-9_]+\$/g) ?? []).sort();
// Product names and symbols that stay the same in every language.
const SAME_EVERYWHERE = new Set(['extName', 'offNoteAfter', 'badgeCompany', 'sources', 'moreTools', 'domainsMore', 'ofCompanies', 'closeTitle']);
// Words a language shares with English.
const SAME_IN: Record<string, string[]> = { de: ['tools', 'sortName'], es: ['evidenceCookie'] };

describe('locales', () => {
  it('ships English, German and Spanish', () => {
    expect(readdirSync(DIR).sort()).toEqual(['de', 'en', 'es']);
  });

  it.each(['de', 'es'])('%s has every English message, with the same placeholders, translated', (lang) => {
    const other = load(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    const untranslated: string[] = [];
    for (const [key, entry] of Object.entries(en)) {
      const translated = other[key]!;
      expect(translated.message.trim(), `${lang}.${key}`).not.toBe('');
      expect(placeholders(translated), `${lang}.${key}`).toEqual(placeholders(entry));
      expect(translated.placeholders ?? {}, `${lang}.${key}`).toEqual(entry.placeholders ?? {});
      if (translated.message === entry.message && !SAME_EVERYWHERE.has(key) && !SAME_IN[lang]!.includes(key)) untranslated.push(key);
    }
    expect(untranslated).toEqual([]);
  });

  it('every message the code uses exists (the type of t() is derived from the English file)', () => {
    const used = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    for (const file of [...walk(join(DIR, '../../components')), ...walk(join(DIR, '../../data')), ...walk(join(DIR, '../../entrypoints'))]) {
      if (!/\.(ts|tsx)$/.test(file)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z]+)'/g)) used.add(m[1]!);
    }
    expect([...used].filter((k) => !(k in en))).toEqual([]);
    expect(used.size).toBeGreaterThan(60);
  });
});
