/**
 * Build-time only (Node): checks on the profiles' domains that need the Public Suffix List. tldts carries the list;
 * nothing here is imported by the extension, so the list never enters its bundle.
 */
import { distance } from 'fastest-levenshtein';
import { parse } from 'tldts';
import type { CompanyProfile } from '../profiles/schema';
import type { DataIssue } from './issues';

type Located = { file: string; profile: CompanyProfile };

/**
 * A public suffix (co.uk, github.io, blogspot.com) is not a company's site: listing one would put a card on every
 * site registered under it. Private suffixes count, since their subdomains belong to other people.
 */
export function publicSuffixIssues(profiles: readonly Located[]): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const { file, profile } of profiles) {
    for (const [field, hosts] of [['domains', profile.domains], ['userContent', profile.userContent ?? []]] as const) {
      hosts.forEach((host, i) => {
        const { publicSuffix, isIcann, isPrivate } = parse(host, { allowPrivateDomains: true });
        if (publicSuffix !== host) return;
        const list = isIcann ? 'ICANN' : isPrivate ? 'private' : 'implicit';
        const hint = field === 'domains' ? '; its subdomains belong to many owners' : '';
        issues.push({ file, field: `${field}[${i}]`, message: `"${host}" is a public suffix (${list} section of the Public Suffix List)${hint}` });
      });
    }
  }
  return issues;
}

/** The part of a domain people type and misspell: "paypal" in paypal.co.uk. */
const nameOf = (host: string) => parse(host, { allowPrivateDomains: true }).domainWithoutSuffix ?? host;

/** One edit apart, counting two swapped neighbours as one edit ("ebya" for "ebay"). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (distance(a, b) === 1) return true;
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/**
 * Domains that look like a typo of another profile's domain: the same name one edit away. Reported, not fatal,
 * since real names can be that close (two companies' brands); a person decides.
 */
export function lookalikeDomains(profiles: readonly Located[], minLength = 5): string[] {
  const owners = new Map<string, { file: string; host: string }>();
  for (const { file, profile } of profiles) {
    for (const host of profile.domains) {
      const name = nameOf(host);
      if (name.length >= minLength && !owners.has(name)) owners.set(name, { file, host });
    }
  }
  const names = [...owners.keys()];
  const found: string[] = [];
  names.forEach((a, i) =>
    names.slice(i + 1).forEach((b) => {
      const [x, y] = [owners.get(a)!, owners.get(b)!];
      if (x.file !== y.file && oneEditApart(a, b)) found.push(`${x.file}: "${x.host}" looks like a typo of "${y.host}" in ${y.file}`);
    }),
  );
  return found;
}
