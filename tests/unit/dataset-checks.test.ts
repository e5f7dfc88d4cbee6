import { describe, expect, it } from 'vitest';
import { lookalikeDomains, publicSuffixIssues } from '@/data/build/domain-checks';
import { buildDomainIndex, matchHostnameSync } from '@/data/profiles/match';
import { oldestReview, reviewAgeIssues } from '@/data/build/review-age';
import { formatIssue } from '@/data/build/issues';
import { validateProfile } from '@/data/build/profile-files';
import type { CompanyProfile } from '@/data/profiles/schema';
import { checkTools, toolFileId } from '@/data/build/tool-files';
import { acme, clone, fixtureTools, globex } from '../fixtures/profiles';

const at = (profile: CompanyProfile, file = `data/companies/${profile.id}.json`) => ({ file, profile });
const toolFiles = (tools = fixtureTools) => tools.map((data) => ({ file: `data/tools/${toolFileId(data.name)}.json`, data }));
const with_ = (change: (p: CompanyProfile) => void, base = acme): CompanyProfile => {
  const p = clone(base);
  change(p);
  return p;
};

describe('tools: one record per tool, shared by all profiles', () => {
  it('accepts the fixtures and their records', () => {
    expect(checkTools(toolFiles(), [at(acme), at(globex)]).issues).toEqual([]);
  });

  it('rejects a tool a use names without a record, suggesting the spelling that exists', () => {
    const p = with_((p) => (p.uses[0]!.tools = ['django', 'Celery', 'Luigi']));
    const issues = checkTools(toolFiles(), [at(p), at(globex)]).issues.map(formatIssue);
    expect(issues).toContain('data/companies/acme.json: uses[0].tools[0]: "django" is not a defined tool (did you mean "Django"?)');
    expect(issues).toContain('data/companies/acme.json: uses[0].tools[2]: "Luigi" is not a defined tool (add data/tools/luigi.json)');
  });

  it('rejects a tool defined twice, an http URL, a record in the wrong file and one nothing names', () => {
    const files = [
      ...toolFiles(),
      { file: 'data/tools/django-2.json', data: { name: 'DJANGO', url: 'https://example.test/', about: 'Again' } },
      { file: 'data/tools/flask-x.json', data: { name: 'Tornado', url: 'http://www.tornadoweb.org/', about: 'Web server' } },
      { file: 'data/tools/numpy.json', data: { name: 'NumPy', url: 'https://numpy.org/', about: 'Arrays' } },
    ];
    const issues = checkTools(files, [at(acme), at(globex)]).issues.map(formatIssue);
    expect(issues).toEqual([
      'data/tools/django-2.json: name: "DJANGO" belongs in data/tools/django.json',
      'data/tools/django-2.json: name: "DJANGO" is already defined in data/tools/django.json',
      'data/tools/flask-x.json: url: must be an absolute https URL',
      'data/tools/numpy.json: name: "NumPy" is named by no profile',
    ]);
  });
});

describe('domains judged against the Public Suffix List', () => {
  it.each(['co.uk', 'github.io', 'blogspot.com', 'hf.space', 'com'])('fails %s as a domain, naming file and field', (suffix) => {
    const p = with_((p) => p.domains.push(suffix));
    expect(publicSuffixIssues([at(p)]).map(formatIssue)).toEqual([
      expect.stringMatching(new RegExp(`^data/companies/acme\\.json: domains\\[2\\]: "${suffix.replace('.', '\\.')}" is a public suffix`)),
    ]);
  });

  it('accepts registrable domains, country domains included', () => {
    const p = with_((p) => (p.domains = ['bbc.co.uk', 'youtu.be', 'paypal.me', 'airbnb.com.ar']));
    expect(publicSuffixIssues([at(p)])).toEqual([]);
  });

  it('reports a domain one edit away from another profile\'s, and not real neighbours within one profile', () => {
    const a = with_((p) => (p.domains = ['paypal.com', 'paypal.de']));
    const b = with_((p) => ((p.id = 'other'), (p.domains = ['paypa1.com'])), globex);
    const c = with_((p) => ((p.id = 'third'), (p.domains = ['ebya.com', 'ebay.com'])), globex);
    expect(lookalikeDomains([at(a), at(b)])).toEqual(['data/companies/acme.json: "paypal.com" looks like a typo of "paypa1.com" in data/companies/other.json']);
    expect(lookalikeDomains([at(a), at(c)])).toEqual([]);
    const d = with_((p) => ((p.id = 'fourth'), (p.domains = ['spotfiy.com'])), globex);
    const e = with_((p) => (p.domains = ['spotify.com']));
    expect(lookalikeDomains([at(e), at(d)])).toHaveLength(1);
  });
});

describe('user-content domains: the company\'s host, the customers\' pages', () => {
  const microsoft = with_((p) => ((p.domains = ['acme.test', 'sharepoint.test']), (p.userContent = ['sharepoint.test', 'pages.acme.test'])));
  const index = buildDomainIndex([microsoft, globex]);

  it.each([
    ['contoso.sharepoint.test', null],
    ['a.b.sharepoint.test', null],
    ['sharepoint.test', 'acme'],
    ['www.sharepoint.test', 'acme'],
    ['a.www.sharepoint.test', null],
    ['www.pages.acme.test', 'acme'],
    ['blog.pages.acme.test', null],
    ['pages.acme.test', 'acme'],
    ['www.acme.test', 'acme'],
    ['globex.test', 'globex'],
  ])('%s → %s', (host, expected) => {
    expect(matchHostnameSync(host, index)).toBe(expected);
  });

  it('must lie within the profile\'s own domains', () => {
    const p = with_((p) => (p.userContent = ['elsewhere.test']));
    expect(validateProfile('data/companies/acme.json', p).issues.map(formatIssue)).toEqual([
      'data/companies/acme.json: userContent[0]: "elsewhere.test" is not one of this profile\'s domains or under one',
    ]);
  });
});

describe('history told as history', () => {
  it('requires a use that ended to say the year it ended', () => {
    const ok = with_((p) => Object.assign(p.uses[2]!, { text: 'Until 2019 internal APIs used Flask.', until: 2019 }));
    expect(validateProfile('data/companies/acme.json', ok).issues).toEqual([]);
    const bad = with_((p) => Object.assign(p.uses[2]!, { until: 2019 }));
    expect(validateProfile('data/companies/acme.json', bad).issues.map(formatIssue)).toEqual([
      'data/companies/acme.json: uses[2].until: the text must say when the use ended (2019), in the past tense',
    ]);
  });
});

describe('review dates', () => {
  it('allows 18 months before the last change, to the day', () => {
    expect(oldestReview(new Date('2026-12-04T10:00:00Z'))).toBe('2025-06-04');
  });

  it('fails a profile changed now with an old review, and keeps an untouched old one', () => {
    const issues = reviewAgeIssues([
      { file: 'data/companies/acme.json', reviewed: '2025-01-10', changed: new Date('2026-12-04T00:00:00Z') },
      { file: 'data/companies/globex.json', reviewed: '2025-01-10', changed: new Date('2025-02-01T00:00:00Z') },
      { file: 'data/companies/zeta.json', reviewed: '2025-06-04', changed: new Date('2026-12-04T00:00:00Z') },
    ]).map(formatIssue);
    expect(issues).toEqual([expect.stringMatching(/^data\/companies\/acme\.json: reviewed: 2025-01-10 is more than 18 months before/)]);
  });
});
