import { describe, expect, it } from 'vitest';
import { AREA_LABELS } from '@/data/profiles/areas';
import { loadValidProfiles } from '@/data/build/profile-files';
import type { CompanyProfile } from '@/data/profiles/schema';
import { hostnameInQuery, searchProfiles, type MatchReason } from '@/data/search/search';
import { whyMatched } from '@/data/search/reasons';
import { SEARCH_CONCEPTS } from '@/data/search/synonyms';
import { acme, globex } from '../fixtures/profiles';

const ids = (q: string) => searchProfiles([acme, globex], q).map((hit) => hit.profile.id);
const why = (profiles: readonly CompanyProfile[], q: string) =>
  Object.fromEntries(searchProfiles(profiles, q).map((hit) => [hit.profile.id, whyMatched(hit.reasons)]));

describe('searchProfiles', () => {
  it.each([
    ['', ['acme', 'globex']],
    ['  ', ['acme', 'globex']],
    ['django', ['acme']],
    ['DJANGO', ['acme']],
    ['djan', ['acme']],
    ['gbx', ['globex']],
    ['acme-cdn.test', ['acme']],
    ['machine learning', ['acme']],
    ['ML', ['acme']],
    ['science', ['globex']],
    ['research', ['globex']],
    ['data', ['globex']],
    ['holdings', ['acme']],
    ['rust', ['acme']],
    ['pandas django', []],
    ['fortran', []],
    // Fragments from the middle of a word find nothing: "ango" is not Django, "lobe" not Globex.
    ['ango', []],
    ['lobe', []],
    // Words of one or two letters are whole words: "ru" is not Rust, "g" not Globex.
    ['ru', []],
    ['g', []],
  ])('%j → %j', (q, expected) => expect(ids(q)).toEqual(expected));

  it('lists companies whose name matches before those that only mention it', () => {
    const acmeTools = { ...globex, id: 'x', name: 'Zeta', uses: [{ ...globex.uses[0]!, tools: ['acme-lib'] }] };
    expect(searchProfiles([acmeTools, acme], 'acme').map((hit) => hit.profile.name)).toEqual(['Acme', 'Zeta']);
  });

  it('ignores accents and case', () => {
    const cafe = { ...globex, id: 'cafe', name: 'Café Zürich' };
    expect(searchProfiles([cafe, acme], 'cafe zurich').map((hit) => hit.profile.id)).toEqual(['cafe']);
  });

  it('says why each company matched', () => {
    expect(searchProfiles([acme, globex], 'fla')[0]!.reasons).toEqual<MatchReason[]>([{ kind: 'tool', value: 'Flask' }]);
    expect(why([acme, globex], 'ML')).toEqual({ acme: 'area Machine learning' });
    expect(why([acme, globex], 'holdings')).toEqual({ acme: 'part of Acme Holdings' });
    expect(why([acme, globex], 'go')).toEqual({ acme: 'uses Go' });
    expect(why([acme, globex], 'gbx')).toEqual({ globex: 'domain gbx.test' });
    expect(why([acme, globex], 'https://shop.acme-cdn.test/cart')).toEqual({ acme: 'domain acme-cdn.test' });
    expect(why([acme, globex], 'flask django')).toEqual({ acme: 'tools Django, Flask' });
    // The name is shown in bold above the reasons: a match by name alone needs no words.
    expect(why([acme, globex], 'acme')).toEqual({ acme: '' });
    expect(searchProfiles([acme, globex], '').every((hit) => hit.reasons.length === 0)).toBe(true);
  });

  it('runs several words over one name or tool as a phrase, the last one still being typed', () => {
    const bank = { ...globex, id: 'bank', name: 'Bank of America' };
    expect(searchProfiles([bank, acme], 'bank of a').map((hit) => hit.profile.id)).toEqual(['bank']);
    // Joined by punctuation, the words must be one phrase: "web.py" is the tool, not any web user with some "py".
    const webPy = { ...globex, id: 'webpy', uses: [{ ...globex.uses[0]!, area: 'web-backend' as const, tools: ['web.py'] }] };
    const webAndCoverage = { ...acme, id: 'other', uses: [{ ...acme.uses[0]!, tools: ['coverage.py'] }] };
    expect(searchProfiles([webPy, webAndCoverage], 'web.py').map((hit) => hit.profile.id)).toEqual(['webpy']);
  });
});

describe('hostnameInQuery', () => {
  it.each([
    ['www.youtube.com', 'www.youtube.com'],
    ['https://www.reddit.com/r/python', 'www.reddit.com'],
    ['HTTP://Example.ORG:8080/x?y', 'example.org'],
    ['reddit.com/r/python', 'reddit.com'],
    ['django', null],
    ['machine learning', null],
    ['ftp://files.example.org', null],
    ['c++', null],
  ])('%j → %j', (q, host) => expect(hostnameInQuery(q)).toBe(host));
});

describe('whyMatched', () => {
  const tools = (...values: string[]) => values.map((value): MatchReason => ({ kind: 'tool', value }));
  it('names each kind once, in a fixed order, and shortens long lists', () => {
    expect(whyMatched([{ kind: 'area', value: 'Data' }, ...tools('pandas'), { kind: 'domain', value: 'ml.com' }])).toBe(
      'domain ml.com · tool pandas · area Data',
    );
    expect(whyMatched(tools('a', 'b', 'c', 'd'))).toBe('tools a, b, c, d');
    expect(whyMatched(tools('a', 'b', 'c', 'd', 'e'))).toBe('tools a, b, c and 2 more');
    expect(whyMatched([{ kind: 'domain', value: 'google.com' }, { kind: 'domain', value: 'google.de' }])).toBe('domain google.com');
    expect(whyMatched([{ kind: 'language', value: 'Go' }, { kind: 'language', value: 'Rust' }])).toBe('uses Go, Rust');
    expect(whyMatched([{ kind: 'name', value: 'Acme' }])).toBe('');
  });
});

describe('search over the shipped dataset', () => {
  const profiles = loadValidProfiles();
  const idsFor = (q: string) => searchProfiles(profiles, q).map((hit) => hit.profile.id).sort();
  const whyFor = (q: string) => why(profiles, q);
  const usersOf = (language: string) => profiles.filter((p) => p.otherLanguages.includes(language)).map((p) => p.id).sort();
  const mlUsers = profiles.filter((p) => p.uses.some((u) => u.area === 'machine-learning')).map((p) => p.id).sort();
  const toolUsers = (tool: string) => profiles.filter((p) => p.uses.some((u) => u.tools.includes(tool))).map((p) => p.id).sort();

  // The examples from issue 13, as people typed them.
  it('a pasted hostname or URL finds its company, through the same matcher as the toolbar', () => {
    expect(whyFor('www.youtube.com')).toEqual({ youtube: 'domain youtube.com' });
    expect(whyFor('https://www.reddit.com/r/python')).toEqual({ reddit: 'domain reddit.com' });
    expect(whyFor('mail.google.com')).toEqual({ google: 'domain google.com' });
    expect(whyFor('https://example.org/')).toEqual({});
    // Still being typed: the domains that begin with it.
    expect(whyFor('www.youtube.c')).toEqual({ youtube: 'domain youtube.com' });
  });

  it('"AI" is machine learning, or a company named for it, never a fragment such as Airflow', () => {
    // Character.AI, Mistral AI: the whole word in the name, which needs no reason given.
    const namedAi = profiles.filter((p) => /(?:^|\W)AI(?:\W|$)/.test(p.name)).map((p) => p.id);
    expect(namedAi.length).toBeGreaterThan(0);
    expect(idsFor('AI')).toEqual([...new Set([...mlUsers, ...namedAi])].sort());
    for (const [id, reason] of Object.entries(whyFor('AI'))) expect(reason, id).toBe(namedAi.includes(id) ? '' : 'area Machine learning');
    expect(new Set(Object.values(whyFor('artificial intelligence')))).toEqual(new Set(['area Machine learning']));
  });

  it('"go" is the language Go (not Google, Django or Mongo), and says so', () => {
    expect(usersOf('Go').length).toBeGreaterThan(3);
    expect(idsFor('go')).toEqual(usersOf('Go'));
    expect(new Set(Object.values(whyFor('go')))).toEqual(new Set(['uses Go']));
  });

  it('"ml" is machine learning; Bank of America is found by its domain ml.com, and says so', () => {
    expect(idsFor('ml')).toEqual(mlUsers);
    expect(idsFor('ml')).not.toContain('bank-of-america');
    expect(whyFor('ml.com')).toEqual({ 'bank-of-america': 'domain ml.com' });
  });

  it('a language match says which language, whole names only', () => {
    expect(idsFor('rust')).toEqual(usersOf('Rust'));
    expect(new Set(Object.values(whyFor('rust')))).toEqual(new Set(['uses Rust']));
    expect(idsFor('java')).toEqual(usersOf('Java')); // not JavaScript
    expect(idsFor('c')).toEqual(usersOf('C')); // not C++ or Objective-C
    expect(idsFor('c++')).toEqual(usersOf('C++'));
  });

  it('"LLM" and "nlp" find the language-model tools', () => {
    expect(whyFor('LLM')).toMatchObject({
      'hugging-face': 'tools Transformers, Text Generation Inference',
      openai: 'tool tiktoken',
      linkedin: 'tool Liger Kernel',
      microsoft: 'tool DeepSpeed',
      bytedance: 'tools verl, LightSeq',
    });
    expect(whyFor('large language models')).toEqual(whyFor('LLM'));
    // German: the machine-learning users, each for that area (no company is named "KI").
    expect(whyFor('KI')).toEqual(Object.fromEntries(mlUsers.map((id) => [id, 'area Machine learning'])));
    expect(whyFor('nlp')).toMatchObject({ 'hugging-face': 'tool Transformers', openai: 'tool tiktoken', baidu: 'tool LAC' });
  });

  it('"data science" finds the notebook and analysis tools, not every data or science user', () => {
    const found = whyFor('data science');
    expect(found).toMatchObject({ stripe: 'tools scikit-learn, pandas, Jupyter', meta: 'tool Prophet' });
    for (const reason of Object.values(found)) expect(reason).toMatch(/^tools? /);
  });

  it('"Django" finds every profile with a Django use', () => {
    expect(toolUsers('Django').length).toBeGreaterThanOrEqual(2);
    expect(idsFor('Django')).toEqual(toolUsers('Django'));
    expect(new Set(Object.values(whyFor('Django')))).toEqual(new Set(['tool Django']));
  });

  it('"machine learning" finds exactly the profiles with a machine-learning use', () => {
    expect(mlUsers.length).toBeGreaterThanOrEqual(5);
    expect(idsFor('machine learning')).toEqual(mlUsers);
  });

  it('finds a company by each of its domains, and by a URL on it', () => {
    for (const p of profiles) {
      for (const domain of [p.domains[0]!, p.domains.at(-1)!]) {
        expect(whyFor(domain)[p.id], domain).toBe(`domain ${domain}`);
        expect(searchProfiles(profiles, `https://www.${domain}/some/page?q=1`)[0], domain).toEqual({
          profile: p,
          reasons: [{ kind: 'domain', value: domain }],
        });
      }
    }
  });

  it('always says why: every hit for a name, tool, area or language has a reason', () => {
    const queries = profiles.flatMap((p) => [p.name, ...p.uses.flatMap((u) => u.tools), ...p.otherLanguages]);
    for (const q of [...new Set([...queries, ...Object.values(AREA_LABELS)])]) {
      const hits = searchProfiles(profiles, q);
      expect(hits.length, q).toBeGreaterThan(0);
      for (const hit of hits) expect(hit.reasons.length, `${q} → ${hit.profile.id}`).toBeGreaterThan(0);
    }
  });

  describe('synonyms', () => {
    const tools = new Set(profiles.flatMap((p) => p.uses.flatMap((u) => u.tools)));
    it('name only tools some profile uses (spelled as the profile spells them)', () => {
      const named = SEARCH_CONCEPTS.flatMap((c) => c.tools ?? []);
      expect(named.filter((tool) => !tools.has(tool))).toEqual([]);
    });
    it('each find someone, with a reason from what they stand for', () => {
      for (const concept of SEARCH_CONCEPTS) {
        for (const word of concept.words.split('|')) {
          const hits = searchProfiles(profiles, word);
          expect(hits.length, word).toBeGreaterThan(0);
          // A company named with the word itself ("Character.AI" for "ai") is found by its name.
          const reasons = (hit: (typeof hits)[number]) => hit.reasons.some((r) => r.kind === 'tool' || r.kind === 'area' || r.kind === 'name');
          for (const hit of hits) expect(reasons(hit), `${word} → ${hit.profile.id}`).toBe(true);
        }
      }
    });
    it('never stand for two things', () => {
      const words = SEARCH_CONCEPTS.flatMap((c) => c.words.split('|'));
      expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
    });
  });
});
