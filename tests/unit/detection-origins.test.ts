/**
 * Turning detection off must give back detection's host access and nothing else. Chromium's permissions.remove
 * takes away, besides the patterns named, every granted pattern that one of them contains (URLPattern::Contains,
 * through URLPatternSet::CreateIntersection with kPatternsContainedByBoth). These tests hold the patterns to
 * that rule; tests/e2e/detection.e2e.ts checks it in Chromium itself.
 */
import { describe, expect, it } from 'vitest';
import { DETECTION_ORIGINS } from '@/data/detection/origins';
import { hostPermissionPatterns } from '@/data/profiles/host-patterns';
import { loadValidProfiles } from '@/data/build/profile-files';

const required = hostPermissionPatterns(loadValidProfiles());

interface Pattern {
  schemes: string[];
  host: string;
  subdomains: boolean;
  path: string;
}

/** A match pattern as Chromium reads it; a `*` scheme means http and https only. */
function parse(pattern: string): Pattern {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`not a pattern this test reads: ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  return {
    schemes: scheme === '*' ? ['http', 'https'] : [scheme],
    host: host === '*' ? '' : host.replace(/^\*\./, ''),
    subdomains: host.startsWith('*'),
    path,
  };
}

const hostCovers = (outer: Pattern, host: string) => outer.host === '' || host === outer.host || (outer.subdomains && host.endsWith(`.${outer.host}`));

/** URLPattern::Contains for the patterns used here (no ports, paths of /*): every URL `inner` matches, `outer` matches. */
function contains(outer: string, inner: string): boolean {
  const a = parse(outer);
  const b = parse(inner);
  return (
    b.schemes.every((s) => a.schemes.includes(s)) &&
    hostCovers(a, b.host) &&
    (!b.subdomains || a.subdomains) &&
    a.path === '/*'
  );
}

function matchesUrl(pattern: string, url: string): boolean {
  const p = parse(pattern);
  const u = new URL(url);
  return p.schemes.includes(u.protocol.slice(0, -1)) && hostCovers(p, u.hostname) && p.path === '/*';
}

describe("detection's host access", () => {
  it('the model of Chromium reproduces the bug: *://*/* contains every covered domain', () => {
    expect(required.length).toBeGreaterThan(100);
    expect(required.filter((r) => !contains('*://*/*', r))).toEqual([]);
  });

  it('contains none of the required host patterns, so removing it leaves them all', () => {
    for (const origin of DETECTION_ORIGINS) expect(required.filter((r) => contains(origin, r)), origin).toEqual([]);
  });

  it('works because every required pattern covers both schemes and every detection pattern only one', () => {
    expect(required.filter((r) => !r.startsWith('*://'))).toEqual([]);
    expect(DETECTION_ORIGINS.map((o) => parse(o).schemes.length)).toEqual([1, 1]);
  });

  it('still reaches every http(s) site, on any port, and nothing else', () => {
    const covered = (url: string) => DETECTION_ORIGINS.some((o) => matchesUrl(o, url));
    for (const url of ['http://example.org/', 'https://example.org/a?b', 'https://www.youtube.com/', 'http://localhost:8888/tree', 'https://10.0.0.2:7860/']) {
      expect(covered(url), url).toBe(true);
    }
    for (const url of ['file:///home/me/notebook.html', 'ftp://example.org/', 'ws://example.org/']) expect(covered(url), url).toBe(false);
  });
});
