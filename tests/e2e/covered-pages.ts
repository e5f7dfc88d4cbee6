/**
 * A covered page for each iteration of a repeated moment, a different company each time (in turn through every
 * bundled profile): under 'once per session' one iteration's card cannot stand in for, or use up, the next one's.
 */
import { PROFILES } from './harness';

export interface CoveredPage {
  url: string;
  /** The company, as the card names it ("Python at <name>"). */
  name: string;
}

export function coveredPage(index: number, path: string): CoveredPage {
  const profile = PROFILES[index % PROFILES.length]!;
  return { url: `https://www.${profile.domains[0]}/${path}/${index}`, name: profile.name };
}
