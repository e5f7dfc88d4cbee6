/**
 * Each lifecycle moment is repeated LIFECYCLE_RUNS times (default 20) in one run, with no retry: a race that
 * loses one time in twenty must show. Every failing run is recorded with its number and what was seen, and the
 * test fails at the end if any did, so one report shows how often and how a moment fails.
 */

export function lifecycleRuns(): number {
  const text = process.env.LIFECYCLE_RUNS ?? '20';
  const runs = Number(text);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`LIFECYCLE_RUNS must be a whole number of at least 1, not "${text}"`);
  return runs;
}

/** Runs `body` for run 1..runs in order; returns one line per failed run ("run 3/20: what was seen"). */
export async function everyRun(runs: number, body: (run: number) => Promise<void>): Promise<string[]> {
  const misses: string[] = [];
  for (let run = 1; run <= runs; run++) {
    try {
      await body(run);
    } catch (error) {
      misses.push(`run ${run}/${runs}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return misses;
}

/**
 * The steps of one run, in order, each taken even if an earlier one failed (a later step can tell more about
 * the failure, e.g. whether the card came late or never); throws with every failure, joined.
 */
export async function stepsOfOneRun(steps: readonly (() => Promise<void>)[]): Promise<void> {
  const failures: string[] = [];
  for (const step of steps) {
    await step().catch((error: unknown) => void failures.push(error instanceof Error ? error.message : String(error)));
  }
  if (failures.length) throw new Error(failures.join('; '));
}
