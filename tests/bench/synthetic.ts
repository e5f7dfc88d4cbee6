/** A made-up dataset of any size, shaped like the real one, to show that costs do not grow with the data. */
import type { CompanyProfile } from '../../data/profiles/schema';

export function syntheticProfiles(companies: number, domainsEach: number): CompanyProfile[] {
  return Array.from({ length: companies }, (_, i) => ({
    id: `company-${i}`,
    name: `Company ${i}`,
    domains: Array.from({ length: domainsEach }, (_, d) => (d === 0 ? `company-${i}.test` : `company-${i}-${d}.example`)),
    summary: `Company ${i} uses Python.`,
    uses: [
      { area: 'web-backend' as const, text: 'Its site runs on Django.', tools: ['Django'], sources: ['s'] },
      { area: 'data' as const, text: 'Its reports use pandas.', tools: ['pandas'], sources: ['t'] },
    ],
    otherLanguages: ['Go'],
    sources: [
      { id: 's', title: 'Source', publisher: 'Publisher', year: 2020, url: `https://company-${i}.test/`, kind: 'engineering-blog' as const },
      { id: 't', title: 'Talk', publisher: 'Conference', year: 2021, url: `https://company-${i}.test/talk`, kind: 'talk' as const },
    ],
    reviewed: '2026-11-21',
  }));
}

/** Hostnames to look up: mostly subdomains of known domains, some unknown, as a browser would see them. */
export function lookupHosts(profiles: readonly CompanyProfile[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    if (i % 4 === 3) return `www.unknown-${i}.example.org`;
    const p = profiles[(i * 7919) % profiles.length]!;
    return `www.${p.domains[i % p.domains.length]}`;
  });
}

/** The tool records the synthetic profiles name, as data/tools/ would hold them. */
export const SYNTHETIC_TOOLS = [
  { name: 'Django', url: 'https://www.djangoproject.com/', about: 'Web framework' },
  { name: 'pandas', url: 'https://pandas.pydata.org/', about: 'Data analysis library' },
];
