/**
 * Repeats one lifecycle moment LIFECYCLE_RUNS times (20 unless set: the project asks for at least 20 runs with no
 * miss) and reports every iteration that failed, with what it saw, instead of stopping at the first.
 */
const DEFAULT_RUNS = 20;

export const LIFECYCLE_RUNS = runsFromEnv(process.env.LIFECYCLE_RUNS);

function runsFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_RUNS;
  const runs = Number(value);
  // A typo must not quietly run the moment zero times and pass.
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`LIFECYCLE_RUNS must be a whole number of at least 1, not "${value}"`);
  return runs;
}

/**
 * A test budget for `runs` iterations that take at most `secondsEach` when every bounded wait in them runs out:
 * a run in which every iteration fails still ends with the list of failures rather than a timeout.
 */
export const budgetFor = (secondsEach: number, runs = LIFECYCLE_RUNS) => (30 + runs * secondsEach) * 1_000;

/**
 * Runs `iteration(0..runs-1)` one after another. An iteration fails by throwing; the message should say what was
 * seen. Throws once at the end, listing every failed iteration, if any did.
 */
export async function repeatMoment(iteration: (index: number) => Promise<void>, runs = LIFECYCLE_RUNS): Promise<void> {
  const failures: string[] = [];
  for (let index = 0; index < runs; index++) {
    try {
      await iteration(index);
    } catch (error) {
      failures.push(`iteration ${index}: ${describe(error)}`);
      // Said at once as well: should the test still run out of time, the misses so far are in its output.
      console.error(`${failures.at(-1)}`);
    }
  }
  if (failures.length) throw new Error(`${failures.length} of ${runs} iterations failed:\n${failures.join('\n')}`);
}

function describe(error: unknown): string {
  // eslint-disable-next-line no-control-regex
  const lines = (error instanceof Error ? error.message : String(error)).replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  // Playwright appends a call log: the lines before it say what went wrong.
  const callLog = lines.findIndex((line) => line.startsWith('Call log:'));
  return lines.slice(0, callLog === -1 ? 4 : Math.min(callLog, 4)).filter(Boolean).join(' | ');
}

export interface SeriesReport {
  /** One line per failing run: "run 7: no card on open.spotify.com within 10 s". Empty when every run passed. */
  failures: string[];
  seconds: number;
}

/**
 * Runs `once(index)` `runs` times, for moments that say what went wrong as a list of problems: a run fails when it
 * returns problems or throws, and the next run still happens, so the report holds every failing run. Prints the
 * series' time and the spread of one run, which the README's figures quote.
 */
export async function repeatSeries(name: string, runs: number, once: (index: number) => Promise<string[]>): Promise<SeriesReport> {
  const failures: string[] = [];
  const durations: number[] = [];
  const started = performance.now();
  for (let index = 0; index < runs; index++) {
    const runStarted = performance.now();
    try {
      const problems = await once(index);
      if (problems.length) failures.push(`run ${index}: ${problems.join('; ')}`);
    } catch (error) {
      failures.push(`run ${index}: ${describe(error)}`);
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
