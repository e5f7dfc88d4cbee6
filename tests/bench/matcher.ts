/** In-memory matcher throughput (lookups per second) at the bundled size and at 100,000 domains. */
import { buildDomainIndex, matchHostnameSync } from '../../data/profiles/match';
import type { CompanyProfile } from '../../data/profiles/schema';
import { summarize } from './stats';
import { lookupHosts, syntheticProfiles } from './synthetic';

function lookupsPerSecond(profiles: readonly CompanyProfile[], runs: number) {
  const index = buildDomainIndex(profiles);
  const hosts = lookupHosts(profiles, 200_000);
  let sink = 0;
  for (const h of hosts.slice(0, 20_000)) if (matchHostnameSync(h, index)) sink++; // warm-up
  const rates = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    for (const h of hosts) if (matchHostnameSync(h, index)) sink++;
    return hosts.length / ((performance.now() - t0) / 1000);
  });
  if (sink === 0) throw new Error('matcher found nothing: the benchmark would be meaningless');
  return { domains: index.size, lookupsPerSecond: summarize(rates) };
}

export function benchMatcher(profiles: readonly CompanyProfile[], runs: number) {
  return { bundled: lookupsPerSecond(profiles, runs), synthetic: lookupsPerSecond(syntheticProfiles(10_000, 10), runs) };
}
