/**
 * Repeats a lifecycle moment: the project's rule is at least 20 runs in one go with no miss, and a report of every
 * failing run (its index and what was seen) rather than the first. LIFECYCLE_RUNS lowers the count locally.
 */

/** How many times each moment is repeated: LIFECYCLE_RUNS, 20 when unset. */
export const LIFECYCLE_RUNS = runsFrom(process.env.LIFECYCLE_RUNS);

function runsFrom(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 20;
  const runs = Number(raw);
  // A typo must not quietly turn into 0 runs (a suite that tests nothing passes).
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`LIFECYCLE_RUNS must be a whole number of at least 1, not ${JSON.stringify(raw)}`);
  return runs;
}

export interface SeriesReport {
  /** One line per failing run: "run 7: no card on open.spotify.com within 10 s". Empty when every run passed. */
  failures: string[];
  seconds: number;
}

/**
 * Runs `once(index)` `runs` times. A run fails when it returns problems or throws; either way the next run still
 * happens, so the report holds every failing run. Prints the series' time, which the README's figures quote.
 */
export async function repeatMoment(name: string, runs: number, once: (index: number) => Promise<string[]>): Promise<SeriesReport> {
  const failures: string[] = [];
  const durations: number[] = [];
  const started = performance.now();
  for (let index = 0; index < runs; index++) {
    const runStarted = performance.now();
    try {
      const problems = await once(index);
      if (problems.length) failures.push(`run ${index}: ${problems.join('; ')}`);
    } catch (error) {
      failures.push(`run ${index}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    durations.push((performance.now() - runStarted) / 1000);
  }
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...durations].sort((a, b) => a - b);
  const spread = `one run ${sorted[0]!.toFixed(1)} / ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} / ${sorted.at(-1)!.toFixed(1)} s (min / median / max)`;
  console.log(`${name}: ${runs - failures.length} of ${runs} runs passed in ${seconds.toFixed(1)} s; ${spread}`);
  for (const failure of failures) console.log(`  ${failure}`);
  return { failures, seconds };
}
