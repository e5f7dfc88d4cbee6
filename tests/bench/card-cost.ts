/**
 * What the card itself costs a page after load, from Chromium traces of the large page taken in turns: the
 * one-line after-load floor, the same floor with this extension's host permissions, the card, and any build to
 * compare (run 1 of each, then run 2, ...). Each run's cost is the difference of the main thread's CPU time
 * (trace.ts) from the floor's in the same turn, so the machine's drift cancels out; runs go on until the 95%
 * interval of the median difference is narrower than the difference (±half of it, or ±1 ms), and at most
 * `maxRuns`, so the figure is larger than its noise.
 */
import type { BrowserContext } from 'playwright-core';
import { medianWithInterval, summarize, type Summary } from './stats';
import { traceAfterLoad, type AfterLoad } from './trace';

export interface TracedScenario {
  name: string;
  context: BrowserContext;
  /** the injected script file whose own time is reported (overlay.js, floor.js) */
  script: string;
}

export type Interval = ReturnType<typeof medianWithInterval>;

export interface TracedSummary {
  /** wall time of everything after load, as earlier benchmarks reported */
  totalMs: Summary;
  /** CPU time from the first injected script on (trace.ts) */
  cpuMs: Summary;
  byKind: Record<string, number>;
  /** the scenario's own script file: evaluation and callbacks */
  scriptMs: Summary;
}

/** One scenario against a floor, run by run. */
export interface CardCost {
  scenario: string;
  floor: string;
  cpuMs: Interval;
  scriptMs: Interval;
  byKind: Record<string, number>;
}

export interface CardCostResult {
  runs: number;
  scenarios: Record<string, TracedSummary>;
  costs: CardCost[];
}

const difference = (scenario: AfterLoad[], floor: AfterLoad[], pick: (a: AfterLoad) => number) => scenario.map((a, i) => pick(a) - pick(floor[i]!));

/** Resolved: the interval's half-width is at most half the figure, or 1 ms. */
const resolved = (i: Interval) => (i.high - i.low) / 2 <= Math.max(Math.abs(i.median) / 2, 1);

/**
 * `pairs`: the scenario names to compare, [scenario, floor]; the first pair decides when there are runs enough.
 */
export async function benchCardCost(
  scenarios: readonly TracedScenario[],
  pairs: readonly (readonly [string, string])[],
  url: string,
  { minRuns, maxRuns, warmup, log }: { minRuns: number; maxRuns: number; warmup: number; log: (msg: string) => void },
): Promise<CardCostResult> {
  const traces = new Map(scenarios.map((s) => [s.name, [] as AfterLoad[]]));
  const cost = ([scenario, floor]: readonly [string, string]): CardCost => {
    const [a, b] = [traces.get(scenario)!, traces.get(floor)!];
    const kinds = Object.keys(a[0]!.byKind);
    return {
      scenario,
      floor,
      cpuMs: medianWithInterval(difference(a, b, (t) => t.cpuMs)),
      scriptMs: medianWithInterval(difference(a, b, (t) => t.scriptMs)),
      byKind: Object.fromEntries(kinds.map((k) => [k, summarize(difference(a, b, (t) => t.byKind[k]!)).median])),
    };
  };
  let runs = 0;
  for (let run = -warmup; run < maxRuns; run++) {
    for (const s of scenarios) {
      const traced = await traceAfterLoad(s.context, url, s.script);
      if (run >= 0) traces.get(s.name)!.push(traced);
    }
    runs = run + 1;
    if (runs >= minRuns && (runs - minRuns) % 5 === 0) {
      const first = cost(pairs[0]!);
      log(`card cost after ${runs} runs: ${first.cpuMs.median.toFixed(1)} ms (95% ${first.cpuMs.low.toFixed(1)} to ${first.cpuMs.high.toFixed(1)})`);
      if (resolved(first.cpuMs)) break;
    }
  }
  return {
    runs,
    scenarios: Object.fromEntries(
      scenarios.map((s) => {
        const t = traces.get(s.name)!;
        const kinds = Object.keys(t[0]!.byKind);
        return [
          s.name,
          {
            totalMs: summarize(t.map((a) => a.totalMs)),
            cpuMs: summarize(t.map((a) => a.cpuMs)),
            byKind: Object.fromEntries(kinds.map((k) => [k, summarize(t.map((a) => a.byKind[k]!)).median])),
            scriptMs: summarize(t.map((a) => a.scriptMs)),
          },
        ];
      }),
    ),
    costs: pairs.map(cost),
  };
}
