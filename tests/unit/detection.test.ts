// The detector's logic: rule validation, scoring, what the page side reads (and refuses to read), what the
// background trusts from a page, and the background's flow with and without the permission.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detect, detectOne, type Observation } from '@/data/detection/detect';
import { buildProbe, checkedFacts, checkedGlobals, planElementCheck, selectorAlternatives, selectorFor } from '@/data/detection/probe';
import { validateRule, validateRules } from '@/data/build/rule-files';
import type { DetectionRule } from '@/data/detection/types';
import { evidenceText } from './helpers/evidence';
import { gatherPageFacts, globalsPresent } from '@/data/detection/page-facts';
import { formatIssue } from '@/data/build/issues';
import { badgeFor, DETECTED_BADGE_TEXT } from '@/entrypoints/background/badge';
import { detectOnPage } from '@/entrypoints/background/detection/detector';
import { handleMessage } from '@/entrypoints/background/router';
import { forgetDetections, saveHeaders } from '@/entrypoints/background/detection/tab-detections';
import { DEFAULT_SETTINGS } from '@/data/settings/shape';

const FILE = 'data/detection/acme-web.json';
const acmeRule: { signals: Record<string, string>[] } & Record<string, unknown> & { fixtures: { match: string[]; mustNotMatch: string[] }; references: unknown[] } = {
  id: 'acme-web',
  name: 'Acme Web',
  category: 'web-framework',
  website: 'https://acme-web.example/',
  signals: [
    { kind: 'field', name: 'acme_token', weight: 'strong' },
    { kind: 'cookie', name: 'acmeid', weight: 'medium' },
    { kind: 'script', contains: 'acme-web.js', weight: 'medium' },
    { kind: 'meta', name: 'generator', contains: 'AcmeWeb', weight: 'strong' },
    { kind: 'header', name: 'server', contains: 'acmeserve', weight: 'strong' },
    { kind: 'global', name: 'AcmeWeb', weight: 'medium' },
    { kind: 'host', suffix: 'acme-web.app', weight: 'strong' },
    { kind: 'link', contains: '/_acme/', weight: 'weak' },
  ],
  references: [{ title: 'acme-web/templates/base.html', url: 'https://github.com/acme/acme-web/blob/main/templates/base.html' }],
  fixtures: { match: ['acme-page'], mustNotMatch: ['rails-signup'] },
};
const clone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const broken = (change: (r: typeof acmeRule & Record<string, unknown>) => void) => {
  const r = clone(acmeRule) as typeof acmeRule & Record<string, unknown>;
  change(r);
  return r;
};
const issuesOf = (data: unknown) => validateRule(FILE, data).issues.map(formatIssue);

describe('validateRule: each check rejects its failing rule, naming file and field', () => {
  it('accepts a complete rule', () => {
    expect(validateRule(FILE, acmeRule).issues).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['an unknown field', { ...acmeRule, confidence: 100 }, '(root): Unrecognized key: "confidence"'],
    ['an id that is not the file name', broken((r) => (r.id = 'acme')), 'id: "acme" must match the file name "acme-web"'],
    ['an unknown category', broken((r) => (r.category = 'database')), 'category: must be one of: web-framework'],
    ['no signals', broken((r) => (r.signals = [])), 'signals: must list at least one signal'],
    ['an unknown signal kind', broken((r) => (r.signals[0] = { kind: 'html-regex', pattern: '.*', weight: 'strong' } as never)), 'signals[0].kind: kind must be one of'],
    ['an unknown weight', broken((r) => (r.signals[0]!.weight = 'certain')), 'signals[0].weight: must be one of: strong, medium, weak'],
    ['a dotted global (nothing to walk in the page)', broken((r) => (r.signals[5] = { kind: 'global', name: 'Acme.version', weight: 'medium' })), 'signals[5].name: must be a top-level identifier'],
    ['an upper-case header name', broken((r) => (r.signals[4] = { kind: 'header', name: 'Server', contains: 'acme', weight: 'strong' })), 'signals[4].name: must be a lower-case header name'],
    ['a one-character needle', broken((r) => (r.signals[2] = { kind: 'script', contains: 'a', weight: 'medium' })), 'signals[2].contains: must be at least 2 characters'],
    ['an unbounded :has() selector', broken((r) => (r.signals[0] = { kind: 'element', selector: 'body:has(div)', weight: 'strong' })), 'signals[0].selector: must not use :has() (unbounded)'],
    ['a host that is not a hostname', broken((r) => (r.signals[6] = { kind: 'host', suffix: '*.acme.app', weight: 'strong' })), 'signals[6].suffix: must be a lower-case host name'],
    ['a repeated signal', broken((r) => r.signals.push({ ...r.signals[1]!, weight: 'weak' })), 'signals[8]: repeats signals[1]'],
    ['only weak signals', broken((r) => (r.signals = [{ kind: 'cookie', name: 'acmeid', weight: 'weak' }])), 'signals: needs at least one strong or medium signal'],
    ['no reference', broken((r) => (r.references = [])), 'references: must name where the markers come from'],
    ['no look-alike fixture', broken((r) => (r.fixtures.mustNotMatch = [])), 'fixtures.mustNotMatch: must list a non-Python look-alike'],
    ['no match fixture', broken((r) => (r.fixtures.match = [])), 'fixtures.match: must list a Python page the rule detects'],
    ['a website that is not https', broken((r) => (r.website = 'http://acme.example/')), 'website: must be an absolute https URL'],
  ])('rejects %s', (_what, data, expected) => {
    const issues = issuesOf(data);
    expect(issues.some((i) => i.startsWith(`${FILE}: ${expected}`)), issues.join('\n')).toBe(true);
  });

  it('rejects two rules with one id or one name', () => {
    const other = { ...clone(acmeRule), id: 'acme-two' };
    const { issues } = validateRules([
      { file: FILE, data: acmeRule },
      { file: 'data/detection/acme-two.json', data: other },
    ]);
    expect(issues.map(formatIssue)).toEqual(['data/detection/acme-two.json: name: "Acme Web" is also used in data/detection/acme-web.json']);
  });
});

const rule = acmeRule as unknown as DetectionRule;
const nothing: Observation = { host: 'www.example.org', elements: new Map(), metas: [], cookies: [], globals: [], headers: [] };
const probe = buildProbe([rule]);

describe('scoring: a technology is shown only when its evidence adds up', () => {
  it('shows nothing on a page without any of its signals', () => {
    expect(detect([rule], nothing)).toEqual([]);
  });

  it('does not report a weak signal alone, reports one medium signal as medium and a strong one as high', () => {
    const weak = { ...nothing, elements: new Map([[selectorFor(rule.signals[7]!)!, 'site.css']]) };
    expect(detectOne(rule, weak)).toBeNull();
    expect(detect([rule], { ...nothing, cookies: ['acmeid'] })[0]).toMatchObject({ confidence: 'medium', evidence: [{ kind: 'cookie', subject: 'acmeid' }] });
    expect(detect([rule], { ...nothing, headers: [['server', 'AcmeServe/2.1']] })[0]).toMatchObject({
      confidence: 'high',
      evidence: [{ kind: 'header', subject: 'server', value: 'AcmeServe/2.1' }],
    });
  });

  it('counts two medium signals as high, and lists every piece of evidence', () => {
    const found = detect([rule], { ...nothing, cookies: ['acmeid'], globals: ['AcmeWeb'] });
    expect(found[0]!.confidence).toBe('high');
    expect(found[0]!.evidence.map(evidenceText)).toEqual(['cookie acmeid', 'JavaScript global AcmeWeb']);
  });

  it('matches header values and meta content case-insensitively, and hosts on label boundaries only', () => {
    expect(detect([rule], { ...nothing, metas: [['generator', 'ACMEWEB 3.0']] })).toHaveLength(1);
    expect(detect([rule], { ...nothing, host: 'demo.acme-web.app' })).toHaveLength(1);
    expect(detect([rule], { ...nothing, host: 'acme-web.app' })).toHaveLength(1);
    expect(detect([rule], { ...nothing, host: 'notacme-web.app' })).toEqual([]);
    expect(detect([rule], { ...nothing, headers: [['x-powered-by', 'acmeserve']] })).toEqual([]);
  });

  it('reads evidence the way the popup shows it', () => {
    const [found] = detect([rule], {
      ...nothing,
      headers: [['server', 'acmeserve']],
      metas: [['generator', 'AcmeWeb 3.0']],
      elements: new Map([[selectorFor(rule.signals[0]!)!, 'acme_token']]),
    });
    expect(found!.evidence.map(evidenceText)).toEqual(['form field acme_token', 'meta tag generator: AcmeWeb 3.0', 'response header Server: acmeserve']);
  });
});

/** Parses `html` as the document the page-side gatherer sees, with the given cookie string. */
function asPage(html: string, cookie = '', contentType = 'text/html') {
  const doc = new DOMParser().parseFromString(html, contentType as DOMParserSupportedType);
  Object.defineProperty(doc, 'cookie', { configurable: true, get: () => cookie });
  vi.stubGlobal('document', doc);
}

describe('the page side reads little, and only what the rules ask', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reports matched markers, the asked meta tags, and cookie names without their values', async () => {
    asPage(
      `<html><head><meta name="generator" content="AcmeWeb 3.0"><meta name="description" content="private words">
       <script src="https://cdn.example/acme-web.js?token=secret123"></script></head>
       <body><form><input type="hidden" name="acme_token" value="t0ps3cret"></form></body></html>`,
      'acmeid=s3cr3t-value; other=1; tracking=abc',
    );
    const facts = await gatherPageFacts(probe);
    const text = JSON.stringify(facts);
    expect(facts.cookies).toEqual(['acmeid']);
    expect(facts.metas).toEqual([['generator', 'AcmeWeb 3.0']]);
    expect(facts.elements.map(([i, value]) => [probe.selectors[i], value])).toEqual([
      ['script[src*="acme-web.js" i]', 'acme-web.js'],
      ['input[name="acme_token"]', 'acme_token'],
    ]);
    for (const secret of ['s3cr3t-value', 'secret123', 't0ps3cret', 'private words', 'tracking']) expect(text).not.toContain(secret);
  });

  it('reads nothing from a document that is not HTML', async () => {
    asPage('<svg xmlns="http://www.w3.org/2000/svg"><script href="acme-web.js"/></svg>', 'acmeid=1', 'image/svg+xml');
    expect(await gatherPageFacts(probe)).toEqual({ elements: [], metas: [], cookies: [] });
  });

  it('survives a selector the browser rejects, still checking the others', async () => {
    asPage('<html><body><input name="acme_token"><div class="x"></div></body></html>');
    const facts = await gatherPageFacts({
      selectors: ['div:unknown-pseudo(1)', 'div.x'],
      scripts: [],
      links: [],
      fields: [],
      elements: [planElementCheck(0, 'div:unknown-pseudo(1)'), planElementCheck(1, 'div.x')],
      corroborating: [],
      selectorRules: [],
      cookieRules: [],
      metaRules: [],
      metaNames: [],
      cookies: [],
    });
    expect(facts.elements).toEqual([[1, 'div.x']]);
  });

  it('answers each element selector through the cheapest anchor that can', () => {
    expect(
      [
        'script#jupyter-config-data',
        '#footer a#tracpowered',
        'body[class*="portaltype-"]',
        'script[type="py"]',
        'meta[name="readthedocs-project-slug"]',
        'img[alt="Delivered by Mailman"]',
        'footer a[href*="Sphinx-Doc.org"]',
        'gradio-app',
        'div.md-container[data-md-component="container"]',
        '[data-testid="stAppViewContainer"]',
        '.md-copyright a[href*="squidfunk.github.io"]',
      ].map((sel, i) => [planElementCheck(i, sel)[1], planElementCheck(i, sel)[2], planElementCheck(i, sel)[4]]),
    ).toEqual([
      ['id', 'jupyter-config-data', ''],
      ['id', 'footer', ''],
      ['root', '', ''],
      ['scripts', '', ''],
      ['head', '', ''],
      ['images', '', ''],
      ['query', '', 'tag:footer'],
      ['tag', 'gradio-app', ''],
      ['class', 'md-container', ''],
      ['query', '', ''],
      ['query', '', 'class:md-copyright'],
    ]);
    expect(selectorAlternatives('wagtail-userbar, [data-wagtail-userbar]')).toEqual(['wagtail-userbar', '[data-wagtail-userbar]']);
    expect(selectorAlternatives('a[title="x, y"], b')).toEqual(['a[title="x, y"]', 'b']);
  });

  it('walks the document for corroborating markers only once a rule has a cheap sign on the page', async () => {
    const sidebarRule = {
      ...rule,
      signals: [
        { kind: 'element', selector: 'div.acme-sidebar', weight: 'medium' },
        { kind: 'meta', name: 'generator', contains: 'AcmeWeb', weight: 'strong' },
      ],
    } as DetectionRule;
    const sidebarProbe = buildProbe([sidebarRule]);
    expect(sidebarProbe.elements).toEqual([]);
    expect(sidebarProbe.corroborating).toEqual([[[0, 'class', 'acme-sidebar', 'div.acme-sidebar', ''], [0]]]);
    asPage('<html><head></head><body><div class="acme-sidebar"></div></body></html>');
    expect((await gatherPageFacts(sidebarProbe)).elements).toEqual([]);
    asPage('<html><head><meta name="generator" content="AcmeWeb 3"></head><body><div class="acme-sidebar"></div></body></html>');
    expect((await gatherPageFacts(sidebarProbe)).elements).toEqual([[0, 'div.acme-sidebar']]);
  });

  it('does not take an element that became a window property through its id for a global', () => {
    const element = document.createElement('div');
    vi.stubGlobal('window', { AcmeWeb: element, Other: null, Real: { version: 1 } });
    expect(globalsPresent(['AcmeWeb', 'Other', 'Real', 'Missing'])).toEqual(['Real']);
  });
});

describe('what the background trusts from a page', () => {
  it('keeps only answers to what it asked, clipped', () => {
    const raw = {
      elements: [[0, 'x'.repeat(500)], [99, 'made-up'], ['0', 'str index'], [1]],
      metas: [['generator', 'AcmeWeb'], ['description', 'not asked']],
      cookies: ['acmeid', 'not-asked', 42],
      extra: 'ignored',
    };
    const facts = checkedFacts(raw, probe);
    expect(facts.elements).toEqual([[0, 'x'.repeat(100)]]);
    expect(facts.metas).toEqual([['generator', 'AcmeWeb']]);
    expect(facts.cookies).toEqual(['acmeid']);
    for (const junk of [null, 'text', 42, [], { elements: 'no' }]) expect(checkedFacts(junk, probe)).toEqual({ elements: [], metas: [], cookies: [] });
    expect(checkedGlobals(['AcmeWeb', 'AcmeWeb', 'evil', 7], ['AcmeWeb'])).toEqual(['AcmeWeb']);
    expect(checkedGlobals('AcmeWeb', ['AcmeWeb'])).toEqual([]);
  });
});

interface Call {
  target: { tabId: number };
  func: (...args: unknown[]) => unknown;
  args: unknown[];
  world?: string;
}

describe('the background detector', () => {
  let calls: Call[];
  let granted: boolean;
  let tabId: number;
  const djangoPage = { elements: [] as [number, string][], metas: [], cookies: ['csrftoken', 'django_language'] };

  beforeEach(async () => {
    calls = [];
    granted = true;
    (fakeBrowser.permissions as unknown as { contains: () => Promise<boolean> }).contains = async () => granted;
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      executeScript: async (details: Call) => {
        calls.push(details);
        return [{ result: details.world === 'MAIN' ? [] : djangoPage }];
      },
    };
    tabId = (await fakeBrowser.tabs.create({ url: 'https://shop.example.org/login' })).id!;
  });

  it('injects nothing and stores nothing while detection is off', async () => {
    granted = false;
    expect(await detectOnPage(tabId, 'https://shop.example.org/login')).toBeNull();
    expect(calls).toEqual([]);
    expect(await handleMessage({ type: 'detection:for-tab', tabId }, { id: fakeBrowser.runtime.id })).toEqual({ granted: false, checkable: true, detections: null });
  });

  it('reads the page at idle in the isolated world and its globals in the main world, and keeps the result for that page', async () => {
    await saveHeaders(tabId, { url: 'https://shop.example.org/login', headers: [['server', 'gunicorn']] });
    const found = await detectOnPage(tabId, 'https://shop.example.org/login');
    // Equal scores: by name.
    expect(found!.map((d) => [d.id, d.confidence])).toEqual([
      ['django', 'high'],
      ['gunicorn', 'high'],
    ]);
    expect(calls.map((c) => c.world ?? 'ISOLATED')).toEqual(['ISOLATED', 'MAIN']);
    expect(calls[0]!.func).toBe(gatherPageFacts);
    expect(calls[1]!.func).toBe(globalsPresent);
    const answer = await handleMessage({ type: 'detection:for-tab', tabId }, { id: fakeBrowser.runtime.id });
    expect(answer).toMatchObject({ granted: true, checkable: true, detections: [{ id: 'django' }, { id: 'gunicorn' }] });
    const badge = await badgeFor('https://shop.example.org/login', { ...DEFAULT_SETTINGS }, tabId);
    expect(badge).toMatchObject({ text: DETECTED_BADGE_TEXT, title: 'Signs of Python: Django, Gunicorn' });
  });

  it('never shows a result on another page: a new URL, a navigation, or headers of an earlier page', async () => {
    await saveHeaders(tabId, { url: 'https://shop.example.org/old', headers: [['server', 'gunicorn']] });
    const found = await detectOnPage(tabId, 'https://shop.example.org/login');
    expect(found!.map((d) => d.id)).toEqual(['django']);
    await fakeBrowser.tabs.update(tabId, { url: 'https://shop.example.org/other' });
    expect(await handleMessage({ type: 'detection:for-tab', tabId }, { id: fakeBrowser.runtime.id })).toMatchObject({ detections: null });
    expect((await badgeFor('https://shop.example.org/other', { ...DEFAULT_SETTINGS }, tabId)).text).toBe('');
    await fakeBrowser.tabs.update(tabId, { url: 'https://shop.example.org/login' });
    await forgetDetections(tabId);
    expect(await handleMessage({ type: 'detection:for-tab', tabId }, { id: fakeBrowser.runtime.id })).toMatchObject({ detections: null });
  });

  it('drops a result for a page the tab left while it was being read', async () => {
    const resultFor = detectOnPage(tabId, 'https://shop.example.org/login');
    await fakeBrowser.tabs.update(tabId, { url: 'https://elsewhere.example.net/' });
    expect(await resultFor).toBeNull();
  });

  it('leaves curated sites, non-web pages and closed tabs alone', async () => {
    expect(await detectOnPage(tabId, 'https://www.youtube.com/')).toBeNull();
    expect(await detectOnPage(tabId, 'chrome://settings/')).toBeNull();
    expect(await detectOnPage(tabId, undefined)).toBeNull();
    expect(calls).toEqual([]);
    expect(await detectOnPage(9999, 'https://shop.example.org/login')).toBeNull();
  });

  it('rejects a malformed request for a tab\'s detections', async () => {
    for (const bad of [{ type: 'detection:for-tab' }, { type: 'detection:for-tab', tabId: '3' }, { type: 'detection:for-tab', tabId: -1 }, { type: 'detection:for-tab', tabId: 1.5 }]) {
      await expect(handleMessage(bad, { id: fakeBrowser.runtime.id })).rejects.toThrow(/rejected a message/);
    }
  });
});
