import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, issuesInvolving } from '@/data/build/issues';
import { checkProfileDir, loadValidProfiles, validateDataset, validateProfile } from '@/data/build/profile-files';
import type { CompanyProfile } from '@/data/profiles/schema';
import { toolFileId } from '@/data/build/tool-files';
import { acme, clone, fixtureTools, globex } from '../fixtures/profiles';

const FILE = 'data/companies/acme.json';
const issuesOf = (data: unknown, file = FILE) => validateProfile(file, data).issues.map(formatIssue);

/** acme with one thing broken: each rule below has exactly such a failing fixture. */
function broken(change: (p: CompanyProfile & Record<string, unknown>) => void): unknown {
  const p = clone(acme) as CompanyProfile & Record<string, unknown>;
  change(p);
  return p;
}

const thisYear = new Date().getFullYear();
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe('validateProfile: every rule rejects its failing fixture, naming file and field', () => {
  it('accepts a complete profile', () => {
    expect(validateProfile(FILE, acme)).toEqual({ profile: acme, issues: [] });
  });

  it.each<[string, unknown, string]>([
    ['a missing field', broken((p) => delete (p as Partial<CompanyProfile>).summary), 'summary: Invalid input: expected string, received undefined'],
    ['an unknown field (a typo cannot silently drop data)', { ...acme, sumary: 'typo' }, '(root): Unrecognized key: "sumary"'],
    ['an id that is not kebab-case', broken((p) => (p.id = 'Acme Corp')), 'id: must be kebab-case (a-z, 0-9, -)'],
    ['an unknown area', broken((p) => ((p.uses[1] as { area: string }).area = 'gardening')), 'uses[1].area: must be one of: web-backend'],
    ['an unknown source kind', broken((p) => ((p.sources[0] as { kind: string }).kind = 'rumour')), 'sources[0].kind: must be one of: engineering-blog, talk, repository, documentation, third-party'],
    ['a source without a kind', broken((p) => delete (p.sources[1] as Partial<CompanyProfile['sources'][number]>).kind), 'sources[1].kind: must be one of:'],
    ['fewer than two uses', broken((p) => (p.uses = p.uses.slice(0, 1))), 'uses: must list at least 2 uses'],
    ['fewer than two sources', broken((p) => ((p.sources = p.sources.slice(0, 1)), p.uses.forEach((u) => (u.sources = ['blog'])))), 'sources: must list at least 2 sources'],
    ['a use citing nothing', broken((p) => (p.uses[2]!.sources = [])), 'uses[2].sources: must cite at least one source'],
    ['a use citing an unknown source', broken((p) => (p.uses[0]!.sources = ['blog', 'nope'])), 'uses[0].sources[1]: cites unknown source "nope"'],
    ['a source no use cites', broken((p) => p.sources.push({ ...p.sources[0]!, id: 'spare', url: 'https://acme.test/spare' })), 'sources[2]: source "spare" is not cited by any use'],
    ['a repeated source id', broken((p) => p.sources.push({ ...p.sources[0]!, url: 'https://acme.test/other' })), 'sources[2].id: duplicate source id "blog"'],
    ['the same URL cited as two sources', broken((p) => (p.sources[1]!.url = p.sources[0]!.url)), 'sources[1].url: "https://acme.test/blog/django" is already sources[0]'],
    ['a non-http URL', broken((p) => (p.sources[0]!.url = 'javascript:alert(1)')), 'sources[0].url: must be an absolute http(s) URL'],
    ['a relative URL', broken((p) => (p.sources[0]!.url = '/blog/django')), 'sources[0].url: must be an absolute http(s) URL'],
    ['a year in the future', broken((p) => (p.sources[1]!.year = thisYear + 1)), 'sources[1].year: must not be in the future'],
    ['a year before Python', broken((p) => (p.sources[1]!.year = 1985)), 'sources[1].year: must be 1989 or later (Python did not exist before)'],
    ['a fractional year', broken((p) => (p.sources[1]!.year = 2020.5)), 'sources[1].year: must be a whole year'],
    ['a summary too long for the card', broken((p) => (p.summary = 'x'.repeat(181))), 'summary: must be at most 180 characters'],
    ['a use text too long for the card', broken((p) => (p.uses[0]!.text = 'x'.repeat(261))), 'uses[0].text: must be at most 260 characters'],
    ['an empty text', broken((p) => (p.uses[0]!.text = '   ')), 'uses[0].text: must not be empty'],
    ['a tool listed twice in a use', broken((p) => (p.uses[0]!.tools = ['Django', 'Django'])), 'uses[0].tools: "Django" is listed twice'],
    ['an e-mail address', broken((p) => (p.uses[1]!.text = 'Ask jane.doe@acme.test about PyTorch.')), 'uses[1].text: must not contain an e-mail address or phone number'],
    ['a phone number', broken((p) => (p.summary = 'Call +1 555 010 9999 for Python jobs.')), 'summary: must not contain an e-mail address or phone number'],
    ['a missing review date', broken((p) => delete (p as Partial<CompanyProfile>).reviewed), 'reviewed: must be a real date written YYYY-MM-DD'],
    ['an impossible review date', broken((p) => (p.reviewed = '2026-02-31')), 'reviewed: must be a real date written YYYY-MM-DD'],
    ['a review date in the future', broken((p) => (p.reviewed = tomorrow)), 'reviewed: must not be in the future'],
    ['an upper-case domain', broken((p) => (p.domains = ['Acme.test'])), 'domains[0]: must be a lower-case hostname such as "example.com"'],
    ['an IP address as a domain', broken((p) => (p.domains = ['127.0.0.1'])), 'domains[0]: must be a lower-case hostname'],
    ['no domain', broken((p) => (p.domains = [])), 'domains: must list at least one domain'],
    ['a domain listed twice', broken((p) => (p.domains = ['acme.test', 'acme.test'])), 'domains[1]: "acme.test" is listed twice'],
    ['a subdomain already covered', broken((p) => (p.domains = ['acme.test', 'shop.acme.test'])), 'domains[1]: "shop.acme.test" is already covered by "acme.test"'],
  ])('rejects %s', (_rule, data, expected) => {
    const issues = issuesOf(data);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(`${FILE}: ${expected}`);
  });

  it('requires the id to match the file name', () => {
    expect(issuesOf(acme, 'data/companies/other.json')).toEqual([
      'data/companies/other.json: id: "acme" must match the file name "other"',
    ]);
  });

  it('does not mistake figures and years for phone numbers', () => {
    expect(issuesOf(broken((p) => (p.uses[0]!.text = 'In 2019 it ran 4,000,000 lines of Python on 1,200 servers.')))).toEqual([]);
  });
});

describe('validateDataset', () => {
  const files = (...profiles: unknown[]) => profiles.map((data) => ({ file: `data/companies/${(data as { id: string }).id}.json`, data }));

  it('accepts distinct profiles', () => {
    const result = validateDataset(files(acme, globex));
    expect(result.issues).toEqual([]);
    expect(result.profiles.map((p) => p.id)).toEqual(['acme', 'globex']);
  });

  it('rejects a domain claimed by two profiles', () => {
    const thief = { ...clone(globex), domains: ['globex.test', 'acme.test'] };
    expect(validateDataset(files(acme, thief)).issues.map(formatIssue)).toEqual([
      'data/companies/globex.json: domains[1]: "acme.test" is also claimed by data/companies/acme.json',
    ]);
  });

  it('rejects a repeated id', () => {
    const twin = [
      { file: 'companies/a/acme.json', data: acme },
      { file: 'companies/b/acme.json', data: { ...acme, domains: ['other.test'] } },
    ];
    expect(validateDataset(twin).issues.map(formatIssue)).toEqual(['companies/b/acme.json: id: "acme" is also the id in companies/a/acme.json']);
  });

  it('returns no profiles at all when anything is wrong, so nothing half-valid ships', () => {
    const result = validateDataset(files(acme, { ...globex, uses: [] }));
    expect(result.profiles).toEqual([]);
    expect(result.issues.map(formatIssue)).toEqual(['data/companies/globex.json: uses: must list at least 2 uses']);
  });

  it('rejects an empty dataset', () => {
    expect(validateDataset([]).issues.map(formatIssue)).toEqual(['data/companies: (root): no profiles found']);
  });
});

describe('profile files on disk', () => {
  /** A companies folder with these files, beside a tools folder holding the fixtures' tool records. */
  function dirWith(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'pi-profiles-'));
    const dir = join(root, 'companies');
    mkdirSync(dir);
    mkdirSync(join(root, 'tools'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    for (const tool of fixtureTools) writeFileSync(join(root, 'tools', `${toolFileId(tool.name)}.json`), JSON.stringify(tool));
    return dir;
  }
  const checkDir = (dir: string) => checkProfileDir(dir, join(dir, '..', 'tools'));
  const loadDir = (dir: string) => loadValidProfiles(dir, join(dir, '..', 'tools'));

  it('reports a file that is not JSON by name and still checks the others', () => {
    const dir = dirWith({ 'acme.json': '{ "id": "acme",', 'globex.json': JSON.stringify({ ...globex, summary: '' }) });
    const messages = checkDir(dir).issues.map(formatIssue);
    expect(messages).toEqual([
      expect.stringMatching(/companies\/acme\.json: \(root\): not valid JSON: /),
      expect.stringMatching(/companies\/globex\.json: summary: must not be empty$/),
    ]);
    expect(() => loadDir(dir)).toThrow(/Invalid company profile data:\n {2}.*acme\.json: \(root\): not valid JSON/);
  });

  it('can narrow the report to the files someone is editing, keeping clashes that involve them', () => {
    const thief = { ...globex, domains: ['globex.test', 'acme.test'] };
    const dir = dirWith({ 'acme.json': JSON.stringify(acme), 'globex.json': JSON.stringify(thief), 'zeta.json': '[' });
    const { issues } = checkDir(dir);
    expect(issues).toHaveLength(2);
    const acmeFile = issues.find((i) => i.file.endsWith('globex.json'))!.message.match(/\S+acme\.json/)![0];
    expect(issuesInvolving(issues, [acmeFile]).map((i) => i.message)).toEqual([`"acme.test" is also claimed by ${acmeFile}`]);
    const zetaFile = acmeFile.replace('acme.json', 'zeta.json');
    expect(issuesInvolving(issues, [zetaFile]).map((i) => i.message)).toEqual([expect.stringMatching(/^not valid JSON/)]);
  });

  it('loads a valid directory', () => {
    const dir = dirWith({ 'acme.json': JSON.stringify(acme), 'globex.json': JSON.stringify(globex), 'notes.txt': 'ignored' });
    expect(loadDir(dir).map((p) => p.id)).toEqual(['acme', 'globex']);
  });
});
