/**
 * Every detection rule against real-looking pages: each must detect its own Python fixtures, and no rule may
 * detect anything on a non-Python look-alike (false positives matter more than misses). The page side runs the
 * very function the extension injects (gatherPageFacts) on the fixture parsed by happy-dom.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detect, type Observation } from '@/data/detection/detect';
import { buildProbe, elementsSeen } from '@/data/detection/probe';
import { toRuntimeRule } from '@/data/detection/rules';
import type { DetectionRule } from '@/data/detection/types';
import { gatherPageFacts, globalsPresent } from '@/data/detection/page-facts';
import { checkRuleDir } from '@/data/build/rule-files';
import { fixtureNames, readFixture, type DetectionFixture } from '../fixtures/detection-fixtures';

const { rules: ruleFiles, issues } = checkRuleDir();
const rules: DetectionRule[] = ruleFiles.map(toRuntimeRule);
const probe = buildProbe(rules);
const globals = [...new Set(rules.flatMap((r) => r.signals.flatMap((s) => (s.kind === 'global' ? [s.name] : []))))];

/** What the extension would observe on this fixture, headers and cookies included. */
export async function observe(fixture: DetectionFixture): Promise<Observation> {
  const doc = new DOMParser().parseFromString(fixture.html, 'text/html');
  Object.defineProperty(doc, 'cookie', { configurable: true, get: () => fixture.cookies.map((c) => `${c}=value`).join('; ') });
  vi.stubGlobal('document', doc);
  // The page's cookies as the Cookie Store gives them (the gatherer's first choice): the same as the string.
  vi.stubGlobal('cookieStore', { getAll: async () => fixture.cookies.map((name) => ({ name, value: 'value' })) });
  vi.stubGlobal('window', Object.fromEntries(fixture.globals.map((g) => [g, { fromFixture: true }])));
  try {
    const facts = await gatherPageFacts(probe, true);
    return {
      host: new URL(fixture.url).hostname,
      elements: elementsSeen(probe, facts),
      metas: facts.metas,
      cookies: facts.cookies,
      globals: globalsPresent(globals),
      headers: Object.entries(fixture.headers),
    };
  } finally {
    vi.unstubAllGlobals();
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('detection rule data', () => {
  it('is valid, and covers the technologies the extension promises', () => {
    expect(issues).toEqual([]);
    const ids = new Set(rules.map((r) => r.id));
    for (const id of [
      'django', 'flask-werkzeug', 'fastapi', 'uvicorn', 'gunicorn', 'waitress', 'tornado', 'cherrypy', 'twisted',
      'daphne', 'hypercorn', 'pyramid', 'plone', 'zope', 'wagtail', 'django-cms', 'sphinx', 'read-the-docs', 'mkdocs',
      'jupyter', 'jupyterhub', 'streamlit', 'gradio', 'dash', 'bokeh', 'pyscript', 'pyodide', 'odoo', 'trac', 'mailman',
      'pelican', 'nikola', 'superset', 'airflow', 'mlflow',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('has fixtures whose globals are really defined by the page itself', () => {
    for (const group of ['python', 'not-python'] as const) {
      for (const name of fixtureNames(group)) {
        const fixture = readFixture(group, name);
        for (const g of fixture.globals) {
          const name_ = g.replace(/\$/g, '\\$');
          expect(fixture.html, `${group}/${name} defines ${g}`).toMatch(new RegExp(`\\b${name_}\\b\\s*=|function\\s+${name_}\\b`));
        }
      }
    }
  });
});

describe.each(ruleFiles.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it.each(rule.fixtures.match)('detects its Python fixture %s', async (name) => {
    const found = detect(rules, await observe(readFixture('python', name)));
    const mine = found.find((d) => d.id === id);
    expect(mine, `${id} on ${name}: found ${found.map((d) => d.id).join(', ') || 'nothing'}`).toBeDefined();
    expect(mine!.evidence.length).toBeGreaterThan(0);
  });

  it.each(rule.fixtures.mustNotMatch)('does not detect anything on its look-alike %s', async (name) => {
    const found = detect(rules, await observe(readFixture('not-python', name)));
    expect(found.map((d) => d.id)).not.toContain(id);
  });
});

describe('signs one technology borrows from another', () => {
  // Real pages (built by Debian 12's MkDocs 1.4 and Sphinx 5.3) of one technology with markup borrowed from
  // another. MkDocs' readthedocs theme is a port of the Sphinx theme: same footer link, same body class.
  it('shows MkDocs alone on a page of its readthedocs theme', async () => {
    expect(detect(rules, await observe(readFixture('python', 'mkdocs-readthedocs-page'))).map((d) => d.id)).toEqual(['mkdocs']);
  });

  // Paste's Server header, "PasteWSGIServer/0.5 Python/2.7", holds wsgiref's product name as a substring.
  it('shows Paste alone on its Server header, not the standard library\'s WSGIServer', async () => {
    expect(detect(rules, await observe(readFixture('python', 'paste-plain'))).map((d) => d.id)).toEqual(['paste-httpserver']);
  });

  // pydata-sphinx-theme 0.7 (Debian 12's) links _static/css/theme.css, the Read the Docs theme's stylesheet name.
  it('shows the PyData theme, not the Read the Docs theme, on a page of pydata-sphinx-theme 0.7', async () => {
    expect(detect(rules, await observe(readFixture('python', 'sphinx-pydata07-page'))).map((d) => d.id).sort()).toEqual(['docutils', 'pydata-sphinx-theme', 'sphinx']);
  });

  // sphinx-book-theme 0.1.7 (Debian 12's) is built on pydata-sphinx-theme 0.7 and keeps its assets.
  it('shows the Book theme and the PyData theme under it, not the Read the Docs theme, on a page of sphinx-book-theme 0.1', async () => {
    expect(detect(rules, await observe(readFixture('python', 'sphinx-book01-page'))).map((d) => d.id).sort()).toEqual(['docutils', 'pydata-sphinx-theme', 'sphinx', 'sphinx-book-theme']);
  });
});

describe('the anchored element checks', () => {
  const fixtures = [...fixtureNames('python').map((n) => readFixture('python', n)), ...fixtureNames('not-python').map((n) => readFixture('not-python', n))];
  // The cheap, anchored way of reading the page must come to the same verdicts as asking every selector of
  // the whole document, with no evidence that the plain way would not also find.
  it.each(fixtures.map((f) => [`${f.group}/${f.name}`, f] as const))('on %s, detect exactly what plain querySelector would', async (_name, fixture) => {
    const doc = new DOMParser().parseFromString(fixture.html, 'text/html');
    const seen = await observe(fixture);
    const plain = { ...seen, elements: new Map(probe.selectors.filter((sel) => doc.querySelector(sel) !== null).map((sel) => [sel, seen.elements.get(sel) ?? ([sel, ''] as const)])) };
    for (const key of seen.elements.keys()) expect(plain.elements.has(key), key).toBe(true);
    expect(detect(rules, seen).map((d) => d.id)).toEqual(detect(rules, plain).map((d) => d.id));
  });
});

describe('non-Python pages', () => {
  it.each(fixtureNames('not-python'))('%s shows no sign of Python at all', async (name) => {
    const found = detect(rules, await observe(readFixture('not-python', name)));
    expect(found.map((d) => `${d.id}: ${d.evidence.map((e) => `${e.kind} ${e.subject}`).join(', ')}`)).toEqual([]);
  });

  it('every look-alike is named by at least one rule, so none is dead weight', () => {
    const named = new Set(ruleFiles.flatMap((r) => r.fixtures.mustNotMatch));
    expect(fixtureNames('not-python').filter((n) => !named.has(n))).toEqual([]);
  });

  it('every Python fixture is some rule\'s match fixture', () => {
    const named = new Set(ruleFiles.flatMap((r) => r.fixtures.match));
    expect(fixtureNames('python').filter((n) => !named.has(n))).toEqual([]);
  });
});
