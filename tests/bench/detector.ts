/**
 * The detector's main-thread cost on the large page: the exact page-side functions the extension injects, with
 * the probe built from every shipped rule, timed inside Chromium on a freshly loaded page each run (the detector
 * runs once per page, so nothing is warm). Idle scheduling is short-circuited so only the work itself is timed.
 * Two pages: the large page as is (no Python: the usual case, one DOM walk) and the same page carrying Python
 * markers at its end (every selector is then asked on its own).
 */
import { buildProbe, globalNames } from '../../data/detection/probe';
import { toRuntimeRule } from '../../data/detection/rules';
import { gatherPageFacts, globalsPresent } from '../../data/detection/page-facts';
import { loadValidRules } from '../../data/build/rule-files';
import { launchBench } from './browser';
import { largePage } from './large-page';
import { repeat, summarize } from './stats';

const PYTHON_MARKERS = `<form><input type="hidden" name="csrfmiddlewaretoken" value="x"></form>
<script id="jupyter-config-data" type="application/json">{}</script>`;

export async function benchDetector(runs: number) {
  const rules = loadValidRules().map(toRuntimeRule);
  const probe = buildProbe(rules);
  const globals = globalNames(rules);
  const plain = largePage('bench.test');
  const withPython = plain.replace('</main>', `${PYTHON_MARKERS}</main>`).replace('<head>', '<head><meta name="generator" content="Sphinx 7.2.6">');
  const b = await launchBench([], {
    '/plain': { body: plain, type: 'text/html' },
    '/python': { body: withPython, type: 'text/html' },
  });
  const timed = async (path: string) => {
    const page = await b.context.newPage();
    try {
      await page.goto(`https://bench.test${path}`, { waitUntil: 'load' });
      return await page.evaluate(
        ([gatherSource, globalsSource, p, names]) => {
          // The injected functions, rebuilt from their source as executeScript does with `func`.
          const gather = new Function(`return (${gatherSource})`)() as (probe: unknown) => Promise<{ elements: unknown[] }>;
          const present = new Function(`return (${globalsSource})`)() as (names: string[]) => string[];
          (window as unknown as { requestIdleCallback: (cb: () => void) => void }).requestIdleCallback = (cb) => cb();
          const t0 = performance.now();
          const facts = gather(p);
          const t1 = performance.now();
          present(names);
          const t2 = performance.now();
          return facts.then((f) => ({ gatherMs: t1 - t0, globalsMs: t2 - t1, matched: f.elements.length }));
        },
        [gatherPageFacts.toString(), globalsPresent.toString(), probe, globals] as const,
      );
    } finally {
      await page.close();
    }
  };
  try {
    const plainRuns = await repeat(runs, 2, () => timed('/plain'));
    const pythonRuns = await repeat(runs, 2, () => timed('/python'));
    const total = (r: { gatherMs: number; globalsMs: number }) => r.gatherMs + r.globalsMs;
    return {
      rules: rules.length,
      selectors: probe.selectors.length,
      globals: globals.length,
      plainPageMs: summarize(plainRuns.map(total)),
      pythonPageMs: summarize(pythonRuns.map(total)),
      pythonPageMatched: pythonRuns[0]!.matched,
    };
  } finally {
    await b.close();
  }
}
