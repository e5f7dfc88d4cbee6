import type { CompanyProfile } from './schema';

/**
 * Match patterns for a profile's domains. `*://*.example.com/*` covers example.com itself and every subdomain,
 * over http and https only, which is exactly the matching rule in match.ts.
 */
export const domainPatterns = (domains: readonly string[]) => domains.map((d) => `*://*.${d}/*`);

export const hostPermissionPatterns = (profiles: readonly CompanyProfile[]) =>
  domainPatterns(profiles.flatMap((p) => p.domains));
