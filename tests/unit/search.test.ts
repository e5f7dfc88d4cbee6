import { describe, expect, it } from 'vitest';
import { matchingTools, searchProfiles } from '@/data/search';
import { acme, globex } from '../fixtures/profiles';

const ids = (q: string) => searchProfiles([acme, globex], q).map((p) => p.id);

describe('searchProfiles', () => {
  it.each([
    ['', ['acme', 'globex']],
    ['  ', ['acme', 'globex']],
    ['django', ['acme']],
    ['DJANGO', ['acme']],
    ['gbx', ['globex']],
    ['machine learning', ['acme']],
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

  it('says which tools matched', () => {
    expect(matchingTools(acme, 'fla')).toEqual(['Flask']);
    expect(matchingTools(acme, '')).toEqual([]);
  });
});
