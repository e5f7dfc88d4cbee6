/**
 * Hostname → company id.
 *
 * Rule (ARCHITECTURE.md): a hostname matches a profile domain when it equals it or ends with "." + it;
 * case-insensitive; a trailing dot and the port are ignored; IP addresses and non-http(s) pages never match.
 * The most specific domain wins, so a later profile for "cloud.example.com" could sit beside "example.com".
 */

/** Lower-cased hostname without port or trailing dot, or null when it can never match (IP, empty, garbage). */
export function normalizeHostname(input: string): string | null {
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
  for (const suffix of hostnameSuffixes(host)) {
    const id = await lookup(suffix);
    if (id) return id;
  }
  return null;
}

/** Same walk over an in-memory index, synchronously. */
export function matchHostnameSync(input: string, index: ReadonlyMap<string, string>): string | null {
  const host = normalizeHostname(input);
  if (!host) return null;
  for (const suffix of hostnameSuffixes(host)) {
    const id = index.get(suffix);
    if (id) return id;
  }
  return null;
}

/** Domain → company id for a list of profiles. */
export function buildDomainIndex(profiles: readonly { id: string; domains: readonly string[] }[]): Map<string, string> {
  return new Map(profiles.flatMap((p) => p.domains.map((d) => [d, p.id] as const)));
}
