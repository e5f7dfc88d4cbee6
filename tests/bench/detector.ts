/**
 * The detector's main-thread cost on the large page: the exact page-side functions the extension injects, with
 * the probe built from every shipped rule, timed inside Chromium on a freshly loaded page each run (the detector
 * runs once per page, so nothing is warm). Idle scheduling is short-circuited so only the work itself is timed.
 * Three cases, measured in turns (A B C A B C): the large page as is (no Python: the usual case), the same page
 * carrying Python markers (a Django form, Jupyter's config script, a Sphinx generator tag, and a custom element
 * and a footer link of the kind only the capped pass finds), so the rules they start also run their corroborating
 * checks, and the large page again with its cookies read, as when the background did not see the document's
 * request and response go by (before Chromium delivers webRequest events, or a page from the cache). The page
 * asks the asynchronous Cookie Store for them, so that work comes in two parts: what runs before the gatherer
 * returns, and what runs once the store has answered (timed from that answer to the facts). The wait between
 * the two is not the page's: its main thread is free meanwhile.
 */
import { buildProbe, globalNames } from '../../data/detection/probe';
import { toRuntimeRule } from '../../data/detection/rules';
import { gatherPageFacts, globalsPresent } from '../../data/detection/page-facts';
import { loadValidRules } from '../../data/build/rule-files';
import { launchBench } from './browser';
import { largePage } from './large-page';
import { repeat, summarize } from './stats';

const PYTHON_MARKERS = `<form><input type="hidden" name="csrfmiddlewaretoken" value="x"></form>
<script id="jupyter-config-data" type="application/json">{}</script>
<gradio-app></gradio-app>`;
const PYTHON_FOOTER = '<footer><p>Built with <a href="https://www.mkdocs.org/">MkDocs</a></p></footer>';

export async function benchDetector(runs: number) {
  const rules = loadValidRules().map(toRuntimeRule);
  const probe = buildProbe(rules);
  const globals = globalNames(rules);
  const plain = largePage('bench.test');
  const withPython = plain
    .replace('</main>', `${PYTHON_MARKERS}</main>${PYTHON_FOOTER}`)
    .replace('<head>', '<head><meta name="generator" content="Sphinx 7.2.6">');
  // Cross-origin isolated, so that performance.now() is precise to microseconds rather than a tenth of a
  // millisecond: the figures are a few milliseconds, their parts tenths.
  const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const b = await launchBench([], {
    '/plain': { body: plain, type: 'text/html', headers: isolated },
    '/python': { body: withPython, type: 'text/html', headers: isolated },
  });
  const timed = async (path: string, readCookies = false) => {
    const page = await b.context.newPage();
    try {
      await page.goto(`https://bench.test${path}`, { waitUntil: 'load' });
      return await page.evaluate(
        ([gatherSource, globalsSource, p, names, cookies]) => {
          // The injected functions, rebuilt from their source as executeScript does with `func`.
          const gather = new Function(`return (${gatherSource})`)() as (probe: unknown, readCookies: boolean) => Promise<{ elements: unknown[] }>;
          const present = new Function(`return (${globalsSource})`)() as (names: string[]) => string[];
          (window as unknown as { requestIdleCallback: (cb: () => void) => void }).requestIdleCallback = (cb) => cb();
          // When the Cookie Store answers: the second part of the work starts there.
          let answered = 0;
          const store = (window as unknown as { cookieStore?: { getAll: () => Promise<unknown[]> } }).cookieStore;
          if (store) {
            const getAll = store.getAll.bind(store);
            store.getAll = () => getAll().finally(() => (answered = performance.now()));
          }
          const t0 = performance.now();
          const facts = gather(p, cookies);
          const t1 = performance.now();
          present(names);
          const t2 = performance.now();
          return facts.then((f) => ({ gatherMs: t1 - t0 + (answered ? performance.now() - answered : 0), globalsMs: t2 - t1, matched: f.elements.length }));
        },
        [gatherPageFacts.toString(), globalsPresent.toString(), probe, globals, readCookies] as const,
      );
    } finally {
      await page.close();
    }
  };
  try {
    // In turns, so that a slow spell of the machine lands on every case.
    const turns = await repeat(runs, 2, async () => [await timed('/plain'), await timed('/python'), await timed('/plain', true)] as const);
    const total = (r: { gatherMs: number; globalsMs: number }) => r.gatherMs + r.globalsMs;
    return {
      rules: rules.length,
      selectors: probe.selectors.length,
      scanned: probe.scan.length,
      scanWindow: probe.scanWindow,
      globals: globals.length,
      plainPageMs: summarize(turns.map(([plainRun]) => total(plainRun))),
      pythonPageMs: summarize(turns.map(([, pythonRun]) => total(pythonRun))),
      cookiesReadMs: summarize(turns.map(([, , cookieRun]) => total(cookieRun))),
      pythonPageMatched: turns[0]![1].matched,
    };
  } finally {
    await b.close();
  }
}
