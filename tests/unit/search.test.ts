import { describe, expect, it } from 'vitest';
import { loadValidProfiles } from '@/data/profile-files';
import { matchingAreas, matchingTools, searchProfiles } from '@/data/search';
import { acme, globex } from '../fixtures/profiles';

const ids = (q: string) => searchProfiles([acme, globex], q).map((p) => p.id);

describe('searchProfiles', () => {
  it.each([
    ['', ['acme', 'globex']],
    ['  ', ['acme', 'globex']],
    ['django', ['acme']],
    ['DJANGO', ['acme']],
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
  ])('%j → %j', (q, expected) => expect(ids(q)).toEqual(expected));

  it('lists companies whose name matches before those that only mention it', () => {
    const acmeTools = { ...globex, id: 'x', name: 'Zeta', uses: [{ ...globex.uses[0]!, tools: ['acme-lib'] }] };
    expect(searchProfiles([acmeTools, acme], 'acme').map((p) => p.name)).toEqual(['Acme', 'Zeta']);
  });

  it('ignores accents and case', () => {
    const cafe = { ...globex, id: 'cafe', name: 'Café Zürich' };
    expect(searchProfiles([cafe, acme], 'cafe zurich').map((p) => p.id)).toEqual(['cafe']);
  });

  it('says which areas matched', () => {
    expect(matchingAreas(acme, 'machine learning')).toEqual(['Machine learning']);
    expect(matchingAreas(acme, 'ML')).toEqual(['Machine learning']);
    expect(matchingAreas(acme, 'django')).toEqual([]);
    expect(matchingAreas(globex, '')).toEqual([]);
  });

  it('says which tools matched', () => {
    expect(matchingTools(acme, 'fla')).toEqual(['Flask']);
    expect(matchingTools(acme, '')).toEqual([]);
  });
});

describe('search over the shipped dataset', () => {
  const profiles = loadValidProfiles();
  const idsFor = (q: string) => searchProfiles(profiles, q).map((p) => p.id).sort();

  it('"Django" finds every profile with a Django use, and only those that mention Django', () => {
    const djangoUsers = profiles.filter((p) => p.uses.some((u) => u.tools.some((t) => /django/i.test(t)))).map((p) => p.id);
    expect(djangoUsers.length).toBeGreaterThanOrEqual(2);
    expect(idsFor('Django')).toEqual(expect.arrayContaining(djangoUsers));
  });

  it('"machine learning" finds exactly the profiles with a machine-learning use', () => {
    const mlUsers = profiles.filter((p) => p.uses.some((u) => u.area === 'machine-learning')).map((p) => p.id).sort();
    expect(mlUsers.length).toBeGreaterThanOrEqual(5);
    expect(idsFor('machine learning')).toEqual(mlUsers);
  });

  it('finds a company by each of its domains', () => {
    for (const p of profiles) expect(searchProfiles(profiles, p.domains.at(-1)!).map((r) => r.id), p.domains.at(-1)).toContain(p.id);
  });
});
