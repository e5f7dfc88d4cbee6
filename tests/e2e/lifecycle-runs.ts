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
