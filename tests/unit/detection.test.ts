// The detector's logic: rule validation, scoring, what the page side reads (and refuses to read), what the
// background trusts from a page, and the background's flow with and without the permission.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detect, detectOne, tokenAt, type Observation } from '@/data/detection/detect';
import { buildProbe, checkedFacts, checkedGlobals, planElementCheck, planStandalone, selectorAlternatives, selectorFor, shownParts } from '@/data/detection/probe';
import { validateRule, validateRules } from '@/data/build/rule-files';
import type { DetectionRule } from '@/data/detection/types';
import { evidenceText } from './helpers/evidence';
import { gatherPageFacts, globalsPresent } from '@/data/detection/page-facts';
import { formatIssue } from '@/data/build/issues';
import { badgeFor, DETECTED_BADGE_TEXT } from '@/entrypoints/background/badge';
import { detectOnPage, listenForHeaders } from '@/entrypoints/background/detection/detector';
import { handleMessage } from '@/entrypoints/background/router';
import { forgetDetections } from '@/entrypoints/background/detection/tab-detections';
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
    const weak = { ...nothing, elements: new Map([[selectorFor(rule.signals[7]!)!, ['/_acme/site.css', '/_acme/'] as const]]) };
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

  it('finds a header or meta needle that starts with a letter only where a word starts: a product token, not inside one', () => {
    expect(tokenAt('WSGIServer/0.2 CPython/3.11.2', 'WSGIServer/')).toBe(0);
    expect(tokenAt('PasteWSGIServer/0.5 Python/2.7', 'WSGIServer/')).toBe(-1);
    expect(tokenAt('Python/3.11 aiohttp/3.8.4', 'aiohttp/')).toBe(12);
    expect(tokenAt('Apache/2.4.57 (Debian) mod_wsgi/4.9.4 Python/3.11', 'mod_wsgi/')).toBe(23);
    // A needle that starts with punctuation marks its own start: Jupyter under a base URL still reports there.
    expect(tokenAt("frame-ancestors 'self'; report-uri /user/ana/api/security/csp-report", '/api/security/csp-report')).toBe(44);
    const [found] = detect([rule], { ...nothing, headers: [['server', 'Python/3 AcmeServe/2']] });
    expect(found!.evidence).toEqual([{ kind: 'header', subject: 'server', value: 'Python/3 AcmeServe/2', matched: 'AcmeServe' }]);
    expect(detect([rule], { ...nothing, headers: [['server', 'NotAcmeServe/2']] })).toEqual([]);
  });

  it('reads evidence the way the popup shows it', () => {
    const [found] = detect([rule], {
      ...nothing,
      headers: [['server', 'acmeserve']],
      metas: [['generator', 'AcmeWeb 3.0']],
      elements: new Map([[selectorFor(rule.signals[0]!)!, ['acme_token', ''] as const]]),
    });
    expect(found!.evidence.map(evidenceText)).toEqual(['form field acme_token', 'meta tag generator: AcmeWeb 3.0', 'response header Server: acmeserve']);
  });
});

/** Parses `html` as the document the page-side gatherer sees, with the given cookie string. */
function asPage(html: string, cookie = '', contentType = 'text/html') {
  const doc = new DOMParser().parseFromString(html, contentType as DOMParserSupportedType);
  Object.defineProperty(doc, 'cookie', { configurable: true, get: () => cookie });
  vi.stubGlobal('document', doc);
  // A page without a Cookie Store (an http: page): the gatherer reads document.cookie.
  vi.stubGlobal('cookieStore', undefined);
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
    const facts = await gatherPageFacts(probe, true);
    const text = JSON.stringify(facts);
    expect(facts.cookies).toEqual(['acmeid']);
    expect(facts.metas).toEqual([['generator', 'AcmeWeb 3.0']]);
    // A script by its address, the query string cut (marked as cut), with the part the rule looked for.
    expect(facts.elements.map(([i, value, matched]) => [probe.selectors[i], value, matched])).toEqual([
      ['script[src*="acme-web.js" i]', 'https://cdn.example/acme-web.js…', 'acme-web.js'],
      ['input[name="acme_token"]', 'acme_token', ''],
    ]);
    for (const secret of ['s3cr3t-value', 'secret123', 't0ps3cret', 'private words', 'tracking']) expect(text).not.toContain(secret);
  });

  it('reads the cookie string only when asked: the background has the names from the request and response', async () => {
    asPage('<html><head></head><body></body></html>');
    const cookie = vi.fn(() => 'acmeid=s3cr3t-value');
    Object.defineProperty(document, 'cookie', { configurable: true, get: cookie });
    const getAll = vi.fn(async () => [{ name: 'acmeid', value: 's3cr3t-value' }]);
    vi.stubGlobal('cookieStore', { getAll });
    expect((await gatherPageFacts(probe, false)).cookies).toEqual([]);
    expect(cookie).not.toHaveBeenCalled();
    expect(getAll).not.toHaveBeenCalled();
    vi.stubGlobal('cookieStore', undefined);
    expect((await gatherPageFacts(probe, true)).cookies).toEqual(['acmeid']);
  });

  it('asks the Cookie Store where the page has one, and keeps only the names the rules know', async () => {
    asPage('<html><head></head><body></body></html>', 'acmeid=from-the-string');
    const getAll = vi.fn(async () => [
      { name: 'acmeid', value: 's3cr3t-value' },
      { name: 'tracking', value: 'abc' },
    ]);
    vi.stubGlobal('cookieStore', { getAll });
    const facts = await gatherPageFacts(probe, true);
    expect(getAll).toHaveBeenCalledOnce();
    expect(facts.cookies).toEqual(['acmeid']);
    expect(JSON.stringify(facts)).not.toContain('s3cr3t-value');
    // A store that refuses (an opaque origin) leaves document.cookie.
    vi.stubGlobal('cookieStore', { getAll: () => Promise.reject(new DOMException('no', 'SecurityError')) });
    expect((await gatherPageFacts(probe, true)).cookies).toEqual(['acmeid']);
  });

  it('names a script or stylesheet by the part of its address that matched, not by an unrelated file name', async () => {
    const nicegui = buildProbe([{ ...rule, signals: [{ kind: 'script', contains: '/_nicegui/', weight: 'strong' }] } as DetectionRule]);
    asPage('<html><head><script src="/_nicegui/2.5.0/static/nicegui.js?v=1#x"></script></head><body></body></html>');
    expect((await gatherPageFacts(nicegui, true)).elements).toEqual([[0, '/_nicegui/2.5.0/static/nicegui.js…', '/_nicegui/']]);
    // A long address is cut around the match, so the match stays in view; a match inside the query string keeps
    // the query up to the match, and no further.
    const deep = `https://cdn.example/${'a/'.repeat(60)}_nicegui/x.js`;
    asPage(`<html><head><script src="${deep}"></script><script src="/debug?__debugger__=yes&cmd=resource&s=SECRET"></script></head><body></body></html>`);
    const [[, long, matched]] = (await gatherPageFacts(nicegui, true)).elements as [[number, string, string]];
    expect(long.length).toBeLessThanOrEqual(92);
    expect(long).toContain('/_nicegui/');
    expect(long.startsWith('…')).toBe(true);
    expect(matched).toBe('/_nicegui/');
    const werkzeug = buildProbe([{ ...rule, signals: [{ kind: 'script', contains: '__debugger__=yes', weight: 'strong' }] } as DetectionRule]);
    expect((await gatherPageFacts(werkzeug, true)).elements).toEqual([[0, '/debug?__debugger__=yes…', '__debugger__=yes']]);
  });

  it('describes an element from the element itself: its tag and the attributes its selector tested', async () => {
    const selectors = ['footer a[href*="mkdocs.org"]', 'div#djDebug', 'body[data-admin-utc-offset]', 'div.md-container[data-md-component="container"]', 'a[href*="odoo.com?utm_source=db"]', 'gradio-app'];
    const described = buildProbe([{ ...rule, signals: selectors.map((selector) => ({ kind: 'element', selector, weight: 'medium' })) } as DetectionRule]);
    asPage(`<html><head></head><body data-admin-utc-offset="3600" class="x y">
      <gradio-app space="private/space"></gradio-app>
      <div id="djDebug" class="djdt-hidden" data-store-id="SECRET"></div>
      <div class="md-grid md-container other" data-md-component="container"></div>
      <footer><a href="https://www.mkdocs.org/?ref=SECRET" title="x">MkDocs</a>
      <a href="https://www.odoo.com?utm_source=db&utm_medium=SECRET">Odoo</a></footer></body></html>`);
    const facts = await gatherPageFacts(described, true);
    const seen = Object.fromEntries(facts.elements.map(([i, text, matched]) => [described.selectors[i], [text, matched]]));
    expect(seen).toEqual({
      'footer a[href*="mkdocs.org"]': ['<a href="https://www.mkdocs.org/…">', 'mkdocs.org'],
      'div#djDebug': ['<div id="djDebug">', ''],
      'body[data-admin-utc-offset]': ['<body data-admin-utc-offset>', ''],
      'div.md-container[data-md-component="container"]': ['<div class="md-container" data-md-component="container">', ''],
      'a[href*="odoo.com?utm_source=db"]': ['<a href="https://www.odoo.com?utm_source=db…">', 'odoo.com?utm_source=db'],
      'gradio-app': ['<gradio-app>', ''],
    });
    expect(JSON.stringify(facts)).not.toContain('SECRET');
    expect(shownParts('#footer a#tracpowered')).toEqual([['id', 'is', 'tracpowered']]);
  });

  it('reads nothing from a document that is not HTML, but says which document it was', async () => {
    asPage('<svg xmlns="http://www.w3.org/2000/svg"><script href="acme-web.js"/></svg>', 'acmeid=1', 'image/svg+xml');
    const facts = await gatherPageFacts(probe, true);
    expect({ ...facts, document: undefined }).toEqual({ elements: [], metas: [], cookies: [], document: undefined });
    expect(facts.document).toBe(document.URL);
  });

  it('says which address the document was loaded from, which the History API does not change', async () => {
    asPage('<html><head></head><body></body></html>');
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue([{ name: 'https://hub.example.org/tree?token=abc' } as PerformanceEntry]);
    expect((await gatherPageFacts(probe, true)).document).toBe('https://hub.example.org/tree?token=abc');
    vi.restoreAllMocks();
  });

  it('survives a selector the browser rejects, still checking the others', async () => {
    asPage('<html><body><input name="acme_token"><div class="x"></div></body></html>');
    const facts = await gatherPageFacts(
      {
        selectors: ['div:unknown-pseudo(1)', 'div.x'],
        scripts: [],
        links: [],
        fields: [],
        elements: [planElementCheck(0, 'div:unknown-pseudo(1)'), planElementCheck(1, 'div.x')],
        scan: [],
        scanWindow: [10, 10],
        corroborating: [],
        selectorRules: [],
        cookieRules: [],
        metaRules: [],
        metaNames: [],
        cookies: [],
      },
      true,
    );
    expect(facts.elements).toEqual([[1, '<div class="x">', '']]);
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
      ['metadata', '', ''],
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

  it('keys each sign that stands alone but needs a walk by its custom tag, class or filtered tag', () => {
    const plan = (selector: string) => planStandalone(planElementCheck(0, selector));
    const keyed = (selector: string) => {
      const planned = plan(selector);
      return 'scan' in planned ? [planned.scan[1], planned.scan[2], planned.scan[4]] : planned;
    };
    expect(keyed('gradio-app')).toEqual(['tag', 'gradio-app', null]);
    expect(keyed('div.md-container[data-md-component="container"]')).toEqual(['class', 'md-container', ['data-md-component', 'container']]);
    expect(keyed('.md-copyright a[href*="squidfunk.github.io"]')).toEqual(['tag', 'a', ['href', 'squidfunk.github.io']]);
    expect(keyed('footer a[href*="MkDocs.org"]')).toEqual(['tag', 'a', ['href', 'mkdocs.org']]);
    expect(keyed('img[alt="Delivered by Mailman"]')).toEqual(['tag', 'img', ['alt', 'delivered by mailman']]);
    expect(plan('footer a[href*="MkDocs.org"]')).toEqual({ scan: [0, 'tag', 'a', 'footer a[href*="MkDocs.org"]', ['href', 'mkdocs.org'], [['href', 'in', 'MkDocs.org']]] });
    // An attribute alone, or a bare tag: one native query (the browser skips the walk when no element has it).
    for (const selector of ['[data-testid="stAppViewContainer"]', '[data-wagtail-userbar]', 'footer']) expect(plan(selector)).toEqual({ query: planElementCheck(0, selector) });
  });

  it('looks for every sign that can stand alone on every page, without a cheap sign first: a footer link, a custom element, a test id, a container\'s class', async () => {
    const footerOnly = { ...rule, signals: [{ kind: 'element', selector: 'footer a[href*="acme-web.example"]', weight: 'medium' }] } as DetectionRule;
    const customOnly = { ...rule, id: 'acme-app', signals: [{ kind: 'element', selector: 'acme-app', weight: 'medium' }] } as DetectionRule;
    const testIdOnly = { ...rule, id: 'acme-view', signals: [{ kind: 'element', selector: '[data-testid="acmeView"]', weight: 'strong' }] } as DetectionRule;
    const classOnly = { ...rule, id: 'acme-docs', signals: [{ kind: 'element', selector: 'div.acme-sidebar', weight: 'medium' }] } as DetectionRule;
    const alone = buildProbe([footerOnly, customOnly, testIdOnly, classOnly]);
    expect(alone.corroborating).toEqual([]);
    asPage(`<html><head></head><body><acme-app></acme-app><main>${'<p>text</p>'.repeat(50)}<div data-testid="acmeView"></div></main>
      <div class="related acme-sidebar"><a href="/">Home</a></div>
      <footer>Built with <a href="https://acme-web.example/">Acme</a></footer></body></html>`);
    const facts = await gatherPageFacts(alone, true);
    expect(facts.elements.map(([i, text]) => [alone.selectors[i], text]).sort()).toEqual([
      ['[data-testid="acmeView"]', '<div data-testid="acmeView">'],
      ['acme-app', '<acme-app>'],
      ['div.acme-sidebar', '<div class="acme-sidebar">'],
      ['footer a[href*="acme-web.example"]', '<a href="https://acme-web.example/">'],
    ]);
  });

  it('reads the first and last elements of a long document, where an app\'s element or a "powered by" link sits, and not its middle', async () => {
    const signals = ['acme-app', 'acme-widget', 'footer a[href*="acme-web.example"]'].map((selector) => ({ kind: 'element', selector, weight: 'medium' }));
    const capped = buildProbe([{ ...rule, signals } as DetectionRule], [20, 10]);
    const middle = '<p>text</p>'.repeat(100);
    asPage(`<html><head></head><body><acme-app></acme-app>${middle}<acme-widget></acme-widget>${middle}
      <footer>Built with <a href="https://acme-web.example/">Acme</a></footer></body></html>`);
    const found = (await gatherPageFacts(capped, true)).elements.map(([i]) => capped.selectors[i]);
    expect(found.sort()).toEqual(['acme-app', 'footer a[href*="acme-web.example"]']);
    // A short page is read whole.
    asPage(`<html><head></head><body><acme-app></acme-app><p>x</p><acme-widget></acme-widget><footer><a href="https://acme-web.example/">Acme</a></footer></body></html>`);
    expect((await gatherPageFacts(capped, true)).elements).toHaveLength(3);
  });

  it('walks the document for corroborating markers only once a rule has a cheap sign on the page', async () => {
    const sidebarRule = {
      ...rule,
      signals: [
        { kind: 'element', selector: 'div.acme-sidebar', weight: 'weak' },
        { kind: 'meta', name: 'generator', contains: 'AcmeWeb', weight: 'strong' },
      ],
    } as DetectionRule;
    const sidebarProbe = buildProbe([sidebarRule]);
    expect(sidebarProbe.elements).toEqual([]);
    expect(sidebarProbe.scan).toEqual([]);
    expect(sidebarProbe.corroborating).toEqual([[[0, 'class', 'acme-sidebar', 'div.acme-sidebar', '', [['class', 'class', 'acme-sidebar']]], [0]]]);
    asPage('<html><head></head><body><div class="acme-sidebar"></div></body></html>');
    expect((await gatherPageFacts(sidebarProbe, true)).elements).toEqual([]);
    asPage('<html><head><meta name="generator" content="AcmeWeb 3"></head><body><div class="acme-sidebar"></div></body></html>');
    expect((await gatherPageFacts(sidebarProbe, true)).elements).toEqual([[0, '<div class="acme-sidebar">', '']]);
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
      elements: [[0, 'x'.repeat(500), 'xx'], [99, 'made-up', ''], ['0', 'str index', ''], [1], [1, '<a href="https://acme.example/">', 'not in it']],
      metas: [['generator', 'AcmeWeb'], ['description', 'not asked']],
      cookies: ['acmeid', 'not-asked', 42],
      document: 'https://shop.example.org/login',
      extra: 'ignored',
    };
    const facts = checkedFacts(raw, probe);
    expect(facts.elements).toEqual([
      [0, 'x'.repeat(100), 'xx'],
      [1, '<a href="https://acme.example/">', ''],
    ]);
    expect(facts.metas).toEqual([['generator', 'AcmeWeb']]);
    expect(facts.cookies).toEqual(['acmeid']);
    expect(facts.document).toBe('https://shop.example.org/login');
    for (const junk of [null, 'text', 42, [], { elements: 'no' }]) expect(checkedFacts(junk, probe)).toEqual({ elements: [], metas: [], cookies: [], document: '' });
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

/**
 * The browser's webRequest as far as the detector uses it: the listeners it adds are kept, and `request` and
 * `respond` call them the way Chromium does for a tab's main document (one entry per Set-Cookie header).
 */
function fakeWebRequest() {
  const listeners: Record<string, (details: unknown) => void> = {};
  const added: unknown[] = [];
  const event = (name: string) => ({
    addListener: (fn: (details: unknown) => void, filter: unknown, spec: unknown) => {
      listeners[name] = fn;
      added.push([name, filter, spec]);
    },
    hasListener: (fn: unknown) => fn === listeners[name],
  });
  const extra = { EXTRA_HEADERS: 'extraHeaders' };
  (fakeBrowser as unknown as { webRequest: unknown }).webRequest = {
    OnHeadersReceivedOptions: { BLOCKING: 'blocking', RESPONSE_HEADERS: 'responseHeaders', ...extra },
    OnSendHeadersOptions: { REQUEST_HEADERS: 'requestHeaders', ...extra },
    onSendHeaders: event('onSendHeaders'),
    onHeadersReceived: event('onHeadersReceived'),
  };
  listenForHeaders();
  let request = 0;
  return {
    added,
    request(tabId: number, url: string, cookie: string, requestId = String(request + 1)) {
      listeners.onSendHeaders!({ tabId, frameId: 0, url, requestId, requestHeaders: [{ name: 'Cookie', value: cookie }] });
    },
    respond(tabId: number, url: string, headers: [string, string][], statusCode = 200, requestId = String(++request)) {
      listeners.onHeadersReceived!({ tabId, frameId: 0, url, statusCode, requestId, responseHeaders: headers.map(([name, value]) => ({ name, value })) });
    },
  };
}

describe('the background detector', () => {
  let calls: Call[];
  let granted: boolean;
  let tabId: number;
  let web: ReturnType<typeof fakeWebRequest>;
  const djangoPage = { elements: [] as [number, string, string][], metas: [], cookies: ['csrftoken', 'django_language'], document: 'https://shop.example.org/login' };
  /** What the page side answers: by default a Django page, loaded from /login. */
  let page: typeof djangoPage;
  const detected = async (url: string) => (await detectOnPage(tabId, url))?.map((d) => d.id);

  beforeEach(async () => {
    calls = [];
    granted = true;
    page = djangoPage;
    (fakeBrowser.permissions as unknown as { contains: () => Promise<boolean> }).contains = async () => granted;
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      executeScript: async (details: Call) => {
        calls.push(details);
        return [{ result: details.world === 'MAIN' ? [] : page }];
      },
    };
    web = fakeWebRequest();
    tabId = (await fakeBrowser.tabs.create({ url: 'https://shop.example.org/login' })).id!;
  });

  it('injects nothing and stores nothing while detection is off', async () => {
    granted = false;
    expect(await detectOnPage(tabId, 'https://shop.example.org/login')).toBeNull();
    expect(calls).toEqual([]);
    expect(await handleMessage({ type: 'detection:for-tab', tabId }, { id: fakeBrowser.runtime.id })).toEqual({ granted: false, checkable: true, detections: null });
  });

  it('reads the page at idle in the isolated world and its globals in the main world, and keeps the result for that page', async () => {
    web.respond(tabId, 'https://shop.example.org/login', [['Server', 'gunicorn'], ['Content-Type', 'text/html']]);
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

  it('reads the names of the cookies the request sends and the response sets, HttpOnly ones too, and never their values', async () => {
    // Chromium hands Cookie and Set-Cookie only to listeners that ask for extraHeaders.
    const filter = { urls: ['*://*/*'], types: ['main_frame'] };
    expect(web.added).toEqual([
      ['onSendHeaders', filter, ['requestHeaders', 'extraHeaders']],
      ['onHeadersReceived', filter, ['responseHeaders', 'extraHeaders']],
    ]);
    page = { ...djangoPage, cookies: [] };
    web.respond(tabId, 'https://shop.example.org/login', [
      ['Set-Cookie', 'csrftoken=t0ps3cret; expires=Thu, 01 Jan 2099 00:00:00 GMT; Path=/; SameSite=Lax'],
      ['Set-Cookie', 'sessionid=s3ssion; HttpOnly; Path=/'],
      ['Set-Cookie', 'tracking=abc'],
    ]);
    const [django] = (await detectOnPage(tabId, 'https://shop.example.org/login'))!;
    expect(django!.evidence.map(evidenceText)).toEqual(['cookie csrftoken', 'cookie sessionid']);
    const session = await fakeBrowser.storage.session.get(null);
    // No value, no cookie the rules do not know, and not even the address: a digest stands for the document.
    const responses = JSON.stringify(session[`headers:${tabId}`]);
    expect(responses).toContain('sessionid');
    for (const secret of ['t0ps3cret', 's3ssion', 'tracking', 'abc', 'example.org']) expect(responses).not.toContain(secret);
    expect(JSON.stringify(session)).not.toMatch(/t0ps3cret|s3ssion/);
    // A later visit: the cookies are only sent, no longer set. Firefox joins Set-Cookie headers into one, a line each.
    web.request(tabId, 'https://shop.example.org/login', 'tracking=1; sessionid=s3ssion; csrftoken=t0ps3cret');
    web.respond(tabId, 'https://shop.example.org/login', [['set-cookie', 'other=1\ndjango_language=de; Path=/']]);
    expect((await detectOnPage(tabId, 'https://shop.example.org/login'))![0]!.evidence.map(evidenceText)).toEqual([
      'cookie django_language',
      'cookie csrftoken',
      'cookie sessionid',
    ]);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toMatch(/t0ps3cret|s3ssion/);
  });

  it('has the page read its cookie string only when the request and response of its document went by unseen', async () => {
    const readCookies = () => calls.filter((c) => c.world !== 'MAIN').map((c) => c.args[1]);
    await detectOnPage(tabId, 'https://shop.example.org/login');
    web.respond(tabId, 'https://shop.example.org/login', [['Server', 'gunicorn']]);
    await detectOnPage(tabId, 'https://shop.example.org/login');
    expect(readCookies()).toEqual([true, false]);
  });

  it('keeps a document\'s headers when the page rewrites its address, and carries cookies set by a redirect to it', async () => {
    // Jupyter: the printed link redirects to /tree?token=..., whose page then drops ?token= with the History API.
    web.respond(tabId, 'http://127.0.0.1:8888/?token=abc', [['Location', '/tree?token=abc'], ['Set-Cookie', '_xsrf=2|x; Path=/'], ['Server', 'TornadoServer/6.2']], 302, 'r1');
    web.respond(tabId, 'http://127.0.0.1:8888/tree?token=abc', [['Server', 'TornadoServer/6.2']], 200, 'r1');
    await fakeBrowser.tabs.update(tabId, { url: 'http://127.0.0.1:8888/tree' });
    page = { ...djangoPage, elements: [], cookies: [], document: 'http://127.0.0.1:8888/tree?token=abc' };
    const [tornado] = (await detectOnPage(tabId, 'http://127.0.0.1:8888/tree'))!;
    expect(tornado!.evidence.map(evidenceText)).toEqual(['response header Server: TornadoServer/6.2', 'cookie _xsrf']);
  });

  it('gives a document back its own headers on back/forward, never those of the page after it', async () => {
    web.respond(tabId, 'https://a.example.org/', [['Server', 'gunicorn/21.2.0']]);
    web.respond(tabId, 'https://b.example.org/', [['Server', 'uvicorn']]);
    page = { ...djangoPage, elements: [], cookies: [], document: 'https://a.example.org/' };
    await fakeBrowser.tabs.update(tabId, { url: 'https://a.example.org/' });
    expect(await detected('https://a.example.org/')).toEqual(['gunicorn']);
    // A new navigation in the same tab: that document's headers only.
    page = { ...page, document: 'https://b.example.org/' };
    await fakeBrowser.tabs.update(tabId, { url: 'https://b.example.org/' });
    expect(await detected('https://b.example.org/')).toEqual(['uvicorn']);
  });

  it('gives no headers to a document whose response it did not see, even at an address it saw before', async () => {
    web.respond(tabId, 'https://a.example.org/', [['Server', 'gunicorn']]);
    web.respond(tabId, 'https://b.example.org/', [['Server', 'uvicorn']]);
    // A page from the HTTP cache (no response event), after the tab loaded the others.
    page = { ...djangoPage, elements: [], cookies: [], document: 'https://c.example.org/' };
    await fakeBrowser.tabs.update(tabId, { url: 'https://c.example.org/' });
    expect(await detected('https://c.example.org/')).toEqual([]);
    // Only the last few responses are kept: the sixth pushes out the first.
    for (const n of [1, 2, 3, 4]) web.respond(tabId, `https://d${n}.example.org/`, [['Server', 'waitress']]);
    page = { ...page, document: 'https://a.example.org/' };
    await fakeBrowser.tabs.update(tabId, { url: 'https://a.example.org/' });
    expect(await detected('https://a.example.org/')).toEqual([]);
  });

  it('never shows a result on another page: a new URL, or a navigation', async () => {
    web.respond(tabId, 'https://shop.example.org/old', [['Server', 'gunicorn']]);
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
