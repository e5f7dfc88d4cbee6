/** Median, min and max of repeated measurements: the median resists the odd slow run, min/max show the spread. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** median absolute deviation: how far a typical run lies from the median, i.e. the run-to-run noise */
  mad: number;
  runs: number;
}

const medianOf = (sorted: readonly number[]) => {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function summarize(values: readonly number[]): Summary {
  if (!values.length) throw new Error('no measurements');
  const sorted = [...values].sort((a, b) => a - b);
  const median = medianOf(sorted);
  const mad = medianOf(sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b));
  return { median, min: sorted[0]!, max: sorted.at(-1)!, mad, runs: sorted.length };
}

/** Runs `measure` `warmup` times unrecorded (caches, JIT, the worker's first start), then `runs` times. */
export async function repeat<T>(runs: number, warmup: number, measure: (i: number) => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await measure(-1 - i);
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await measure(i));
  return out;
}

/**
 * The median of `values` with a distribution-free 95% confidence interval (order statistics of the binomial
 * distribution at one half): the range the true median lies in, whatever shape the run-to-run noise has.
 */
export function medianWithInterval(values: readonly number[]): Summary & { low: number; high: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  // The lower bound's rank (1-based) is floor((n - 1.96√n) / 2), the upper one as far from the top: for 21 runs
  // the 6th and 16th, for 100 the 40th and 61st. Too few runs for any: the whole range.
  const k = Math.max(0, Math.floor((n - 1.96 * Math.sqrt(n)) / 2) - 1);
  return { ...summarize(values), low: sorted[k]!, high: sorted[n - 1 - k]! };
}
