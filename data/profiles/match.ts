/**
 * Hostname → company id.
 *
 * Rule (docs/architecture.md): a hostname matches a profile domain when it equals it or ends with "." + it;
 * case-insensitive; a trailing dot and the port are ignored; IP addresses and non-http(s) pages never match.
 * The most specific domain wins, so a later profile for "cloud.example.com" could sit beside "example.com".
 * A host strictly under one of a profile's user-content domains (tenant.sharepoint.com) matches nothing: its pages
 * are the customer's, not the company's.
 */

/**
 * In an index, a user-content domain's value starts with this mark, followed by the company id when the domain is
 * also one of the company's own (sharepoint.com itself is Microsoft's) or by nothing (keep walking up).
 */
const USER_CONTENT = '!';

/** What a probe found at one suffix: a company, a stop (user content above the host), or go on to the next. */
function resolve(value: string | undefined, exact: boolean): string | null | undefined {
  if (value === undefined || value[0] !== USER_CONTENT) return value;
  if (!exact) return null;
  return value.slice(1) || undefined;
}

/** Lower-cased hostname without port or trailing dot, or null when it can never match (IP, empty, garbage). */
// Already-normal hostnames (what URL parsing yields: lower case, no port, no trailing dot) skip the slow path.
const PLAIN_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;
const ENDS_IN_DIGIT = /\d$/;

export function normalizeHostname(input: string): string | null {
  // A plain name whose last label has a letter is neither an IP nor anything to clean up.
  if (PLAIN_HOST.test(input) && !ENDS_IN_DIGIT.test(input)) return input;
  let host = input.trim().toLowerCase();
  if (host.startsWith('[')) return null; // IPv6 literal, with or without port
  host = host.replace(/:\d*$/, '').replace(/\.+$/, '');
  if (!host || host.includes(':') || host.includes('/')) return null;
  if (/^[\d.]+$/.test(host)) return null; // IPv4 (and anything else all digits and dots)
  if (host.startsWith('.') || host.includes('..')) return null;
  return host;
}

/** The hostname and each of its dot-boundary suffixes, longest first: a.b.c → a.b.c, b.c, c. */
export function hostnameSuffixes(hostname: string): string[] {
  const labels = hostname.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/** Hostname of an http(s) URL, or null for any other scheme or an unparsable URL. */
export function hostnameOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname : null;
  } catch {
    return null;
  }
}

/**
 * Walks the hostname's suffixes through `lookup` (a Map#get, or an IndexedDB get): at most one probe per label,
 * whatever the number of profiles.
 */
export async function matchHostname(
  input: string,
  lookup: (domain: string) => string | undefined | Promise<string | undefined>,
): Promise<string | null> {
  const host = normalizeHostname(input);
  if (!host) return null;
  for (const [i, suffix] of hostnameSuffixes(host).entries()) {
    const id = resolve(await lookup(suffix), i === 0);
    if (id !== undefined) return id;
  }
  return null;
}

/** Same walk over an in-memory index, synchronously, without building the list of suffixes (hot path). */
export function matchHostnameSync(input: string, index: ReadonlyMap<string, string>): string | null {
  const host = normalizeHostname(input);
  if (!host) return null;
  for (let start = 0; ; ) {
    const id = resolve(index.get(start ? host.slice(start) : host), start === 0);
    if (id !== undefined) return id;
    const dot = host.indexOf('.', start);
    if (dot < 0) return null;
    start = dot + 1;
  }
}

type Domains = { id: string; domains: readonly string[]; userContent?: readonly string[] };

/**
 * The index entries of one profile: each domain → its id, then each user-content domain → its stop mark. The
 * "www." host of a user-content domain is the company's own front page (www.feishu.cn), never a customer's.
 */
export function domainEntries(p: Domains): (readonly [string, string])[] {
  const own = p.domains.map((d) => [d, p.id] as const);
  const stops = (p.userContent ?? []).flatMap((u) => [
    [u, USER_CONTENT + (p.domains.includes(u) ? p.id : '')] as const,
    [`www.${u}`, USER_CONTENT + p.id] as const,
  ]);
  return [...own, ...stops];
}

/** Domain → company id (or user-content mark) for a list of profiles. */
export function buildDomainIndex(profiles: readonly Domains[]): Map<string, string> {
  return new Map(profiles.flatMap(domainEntries));
}
