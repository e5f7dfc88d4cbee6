/**
 * Covered pages to visit: one per company in the bundled profiles (www. + its first domain), so that under the
 * default "once per session" setting each run of a moment meets a company whose card is still due.
 */
import { loadValidProfiles } from '../../data/build/profile-files';

export interface CoveredSite {
  company: string;
  host: string;
  url: string;
}

export const ONE_SITE_PER_COMPANY: readonly CoveredSite[] = loadValidProfiles().map((profile) => {
  const host = `www.${profile.domains[0]}`;
  return { company: profile.name, host, url: `https://${host}/` };
});

/** `count` sites of different companies, none of the companies in `besides`; fails loudly if there are too few. */
export function sitesForRuns(count: number, besides: readonly string[] = []): CoveredSite[] {
  const sites = ONE_SITE_PER_COMPANY.filter((s) => !besides.includes(s.company));
  if (count > sites.length) {
    throw new Error(`${count} runs need ${count} companies whose card is still due, and there are ${sites.length}: lower LIFECYCLE_RUNS`);
  }
  return sites.slice(0, count);
}
