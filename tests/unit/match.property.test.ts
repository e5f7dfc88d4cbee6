// Property-based tests (fast-check): random and adversarial hostnames keep the matcher's invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDomainIndex, hostnameOfUrl, matchHostname, matchHostnameSync } from '@/data/profiles/match';

const index = buildDomainIndex([
  { id: 'youtube', domains: ['youtube.com', 'youtu.be'] },
  { id: 'google', domains: ['google.com', 'google.co.uk'] },
  { id: 'nasa', domains: ['nasa.gov'] },
]);
const domains = [...index.keys()];
const owners = new Set(index.values());

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
const subdomain = fc.array(label, { minLength: 0, maxLength: 4 }).map((labels) => labels.join('.'));
const domain = fc.constantFrom(...domains);
const hostUnder = fc.tuple(subdomain, domain).map(([sub, d]) => (sub ? `${sub}.${d}` : d));

describe('matcher properties', () => {
  it('any subdomain of a listed domain matches its company', () => {
    fc.assert(fc.property(subdomain, domain, (sub, d) => matchHostnameSync(sub ? `${sub}.${d}` : d, index) === index.get(d)));
  });

  it('ignores case, a trailing dot and a port', () => {
    fc.assert(
      fc.property(hostUnder, fc.integer({ min: 1, max: 65535 }), (host, port) => {
        const expected = matchHostnameSync(host, index);
        return (
          matchHostnameSync(host.toUpperCase(), index) === expected &&
          matchHostnameSync(`${host}.`, index) === expected &&
          matchHostnameSync(`${host}:${port}`, index) === expected &&
          matchHostnameSync(`${host.toUpperCase()}.:${port}`, index) === expected
        );
      }),
    );
  });

  it('look-alikes never match: glued prefixes or suffixes, the domain as a subdomain of another site', () => {
    fc.assert(
      fc.property(domain, label, (d, extra) => {
        const [first, ...rest] = d.split('.');
        return (
          matchHostnameSync(`${extra}${d}`, index) === null &&
          matchHostnameSync(`${d}${extra}`, index) === (index.get(`${d}${extra}`) ?? null) &&
          matchHostnameSync(`${d}.${extra}-evil.test`, index) === null &&
          matchHostnameSync(`${first}-${extra}.${rest.join('.')}`, index) === null
        );
      }),
    );
  });

  it('IP addresses never match, whatever the index holds', () => {
    const withNumbers = buildDomainIndex([{ id: 'numbers', domains: ['1.1', '0.1', '1'] }]);
    const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
    const ipv6 = fc.array(fc.nat(0xffff).map((n) => n.toString(16)), { minLength: 8, maxLength: 8 }).map((p) => `[${p.join(':')}]`);
    fc.assert(fc.property(ipv4, (ip) => matchHostnameSync(ip, withNumbers) === null && matchHostnameSync(`${ip}:8080`, withNumbers) === null));
    fc.assert(fc.property(ipv6, (ip) => matchHostnameSync(ip, withNumbers) === null && matchHostnameSync(`${ip}:443`, withNumbers) === null));
  });

  it('never throws on arbitrary input, and only ever answers a known company or null', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (input) => {
        const id = matchHostnameSync(input, index);
        return id === null || owners.has(id);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles very long hostnames', () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 40, maxLength: 120 }), domain, (labels, d) => matchHostnameSync(`${labels.join('.')}.${d}`, index) === index.get(d)),
      { numRuns: 50 },
    );
  });

  it('agrees with the IndexedDB-style asynchronous walk', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostUnder, fc.string({ maxLength: 60 })), async (host) => {
        return (await matchHostname(host, (d) => index.get(d))) === matchHostnameSync(host, index);
      }),
    );
  });

  it('internationalised names reach the matcher as punycode, through the URL parser', () => {
    expect(hostnameOfUrl('https://bücher.youtube.com/')).toBe('xn--bcher-kva.youtube.com');
    expect(matchHostnameSync(hostnameOfUrl('https://bücher.youtube.com/')!, index)).toBe('youtube');
    // A Cyrillic "о" in place of the Latin one is another name altogether.
    expect(matchHostnameSync(hostnameOfUrl('https://yоutube.com/')!, index)).toBeNull();
    expect(matchHostnameSync('xn--ytube-3ve.com', index)).toBeNull();
  });
});
