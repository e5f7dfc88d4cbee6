import { describe, expect, it } from 'vitest';
import { formatIssue, validateDataset, validateProfile } from '@/data/schema';
import { acme, clone, globex } from '../fixtures/profiles';

const issuesOf = (data: unknown, file = 'data/companies/acme.json') => validateProfile(file, data).issues.map(formatIssue);

describe('validateProfile', () => {
  it('accepts a complete profile', () => {
    expect(validateProfile('data/companies/acme.json', acme)).toEqual({ profile: acme, issues: [] });
  });

  it('names the file and the field of a missing or wrong value', () => {
    const broken = clone(acme) as Record<string, unknown>;
    delete broken.summary;
    (broken.uses as { area: string }[])[1]!.area = 'gardening';
    expect(issuesOf(broken)).toEqual([
      expect.stringMatching(/^data\/companies\/acme\.json: summary: /),
      expect.stringMatching(/^data\/companies\/acme\.json: uses\[1\]\.area: must be one of: web-backend/),
    ]);
  });

  it('rejects unknown fields, so a typo cannot silently drop data', () => {
    expect(issuesOf({ ...acme, sumary: 'typo' })).toEqual([expect.stringContaining('(root): Unrecognized key: "sumary"')]);
  });

  it('rejects a use citing a source that does not exist, and a source nobody cites', () => {
    const broken = clone(acme);
    broken.uses[0]!.sources = ['nope'];
    broken.uses[1]!.sources = ['talk'];
    expect(issuesOf(broken)).toEqual([
      'data/companies/acme.json: uses[0].sources[0]: cites unknown source "nope"',
      'data/companies/acme.json: sources[0]: source "blog" is not cited by any use',
    ]);
  });

  it('rejects non-http URLs, future years and impossible dates', () => {
    const broken = clone(acme);
    broken.sources[0]!.url = 'javascript:alert(1)';
    broken.sources[1]!.year = new Date().getFullYear() + 1;
    broken.reviewed = '2026-02-31';
    expect(issuesOf(broken)).toEqual([
      'data/companies/acme.json: sources[0].url: must be an absolute http(s) URL',
      'data/companies/acme.json: sources[1].year: must not be in the future',
      'data/companies/acme.json: reviewed: must be a real date written YYYY-MM-DD',
    ]);
  });

  it('rejects texts too long for the card', () => {
    expect(issuesOf({ ...acme, summary: 'x'.repeat(181) })).toEqual([
      'data/companies/acme.json: summary: must be at most 180 characters',
    ]);
  });

  it('rejects bad, repeated and redundant domains', () => {
    expect(issuesOf({ ...acme, domains: ['Acme.test'] })).toEqual([expect.stringContaining('domains[0]: must be a lower-case hostname')]);
    expect(issuesOf({ ...acme, domains: ['127.0.0.1'] })).toEqual([expect.stringContaining('domains[0]: must be a lower-case hostname')]);
    expect(issuesOf({ ...acme, domains: ['acme.test', 'shop.acme.test'] })).toEqual([
      'data/companies/acme.json: domains[1]: "shop.acme.test" is already covered by "acme.test"',
    ]);
  });

  it('requires the id to match the file name', () => {
    expect(issuesOf(acme, 'data/companies/other.json')).toEqual([
      'data/companies/other.json: id: "acme" must match the file name "other"',
    ]);
  });
});

describe('validateDataset', () => {
  const files = (...profiles: unknown[]) =>
    profiles.map((data, i) => ({ file: `data/companies/${(data as { id: string }).id}.json`, data, i }));

  it('accepts distinct profiles', () => {
    const result = validateDataset(files(acme, globex));
    expect(result.issues).toEqual([]);
    expect(result.profiles.map((p) => p.id)).toEqual(['acme', 'globex']);
  });

  it('rejects a domain claimed by two profiles and a repeated id', () => {
    const thief = { ...clone(globex), domains: ['globex.test', 'acme.test'] };
    expect(validateDataset(files(acme, thief)).issues.map(formatIssue)).toEqual([
      'data/companies/globex.json: domains[1]: "acme.test" is also claimed by data/companies/acme.json',
    ]);
    const twin = [
      { file: 'data/companies/acme.json', data: acme },
      { file: 'data/companies/acme-copy.json', data: { ...acme, domains: ['other.test'] } },
    ];
    expect(validateDataset(twin).issues.map(formatIssue)).toContain(
      'data/companies/acme-copy.json: id: "acme" must match the file name "acme-copy"',
    );
  });

  it('returns no profiles at all when anything is wrong, so nothing half-valid ships', () => {
    const result = validateDataset(files(acme, { ...globex, uses: [] }));
    expect(result.profiles).toEqual([]);
    expect(result.issues.map(formatIssue)).toEqual(['data/companies/globex.json: uses: must list at least one use']);
  });
});
