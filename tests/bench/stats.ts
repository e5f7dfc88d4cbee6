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
