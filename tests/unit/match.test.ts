import { describe, expect, it, vi } from 'vitest';
import { buildDomainIndex, hostnameOfUrl, hostnameSuffixes, matchHostname, matchHostnameSync, normalizeHostname } from '@/data/profiles/match';

const index = buildDomainIndex([
  { id: 'youtube', domains: ['youtube.com', 'youtu.be'] },
  { id: 'google', domains: ['google.com', 'google.co.uk'] },
  { id: 'cloud', domains: ['cloud.google.com'] },
]);
const match = (host: string) => matchHostnameSync(host, index);

describe('matchHostname', () => {
  it.each([
    ['youtube.com', 'youtube'],
    ['www.youtube.com', 'youtube'],
    ['music.youtube.com', 'youtube'],
    ['a.b.c.youtube.com', 'youtube'],
    ['YouTube.COM', 'youtube'],
    ['www.youtube.com.', 'youtube'],
    ['www.youtube.com:8443', 'youtube'],
    ['youtu.be', 'youtube'],
    ['www.google.co.uk', 'google'],
    ['console.cloud.google.com', 'cloud'],
    ['cloud.google.com', 'cloud'],
    ['mail.google.com', 'google'],
  ])('%s → %s', (host, id) => expect(match(host)).toBe(id));

  it.each([
    'notyoutube.com',
    'youtube.com.example.org',
    'youtube.co',
    'youtubecom',
    'co.uk',
    'uk',
    'com',
    '',
    '   ',
    '.youtube.com',
    'www..youtube.com',
    '127.0.0.1',
    '142.250.74.46',
    '[2a00:1450:4001::200e]',
    '[::1]:8080',
    '2a00:1450:4001::200e',
    'youtube.com/evil',
  ])('%j never matches', (host) => expect(match(host)).toBeNull());

  it('probes one key per label, most specific first', async () => {
    const lookup = vi.fn((domain: string) => index.get(domain));
    expect(await matchHostname('a.b.example.org', lookup)).toBeNull();
    expect(lookup.mock.calls.map((c) => c[0])).toEqual(['a.b.example.org', 'b.example.org', 'example.org', 'org']);
  });
});

describe('hostnameOfUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=1', 'www.youtube.com'],
    ['http://YOUTU.BE/x', 'youtu.be'],
    ['https://www.youtube.com:444/', 'www.youtube.com'],
  ])('%s → %s', (url, host) => expect(hostnameOfUrl(url)).toBe(host));

  it.each([
    'file:///home/youtube.com/index.html',
    'chrome://extensions',
    'about:blank',
    'data:text/html,youtube.com',
    'ftp://youtube.com/',
    'view-source:https://youtube.com/',
    'not a url',
    undefined,
  ])('%s has no matchable hostname', (url) => expect(hostnameOfUrl(url)).toBeNull());
});

describe('helpers', () => {
  it('lists suffixes longest first', () => {
    expect(hostnameSuffixes('a.b.c')).toEqual(['a.b.c', 'b.c', 'c']);
  });
  it('normalizes case, port and trailing dots', () => {
    expect(normalizeHostname('WWW.YouTube.com.:80')).toBe('www.youtube.com');
  });
});
