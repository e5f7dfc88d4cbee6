/** IndexedDB seeding and lookups with the real data/storage/db.ts in Chromium: the bundled dataset and a synthetic one. */
import { build } from 'vite';
import type { CompanyProfile } from '../../data/profiles/schema';
import { launchBench } from './browser';
import { repeat, summarize } from './stats';

async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: new URL('./db-entry.ts', import.meta.url).pathname, formats: ['iife'], name: 'piBenchEntry' },
    },
  });
  const output = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
  return output.output[0]!.code!;
}

export async function benchDatabase(profiles: CompanyProfile[], runs: number) {
  const code = await bundle();
  const b = await launchBench([], {
    '/': { body: '<!doctype html><title>db bench</title><script src="/db.js"></script>', type: 'text/html' },
    '/db.js': { body: code, type: 'text/javascript' },
  });
  try {
    const page = await b.context.newPage();
    await page.goto('https://bench.test/');
    type Result = { seedMs: number; lookupMs: number; found: number };
    const bundled = await repeat(runs, 1, () =>
      page.evaluate(([p, n]) => (window as never as { piBench: { bundled: (p: unknown, n: number) => Promise<Result> } }).piBench.bundled(p, n), [profiles, 2000] as const),
    );
    const synthetic = await repeat(Math.max(3, Math.ceil(runs / 2)), 1, () =>
      page.evaluate(
        () => (window as never as { piBench: { synthetic: (c: number, d: number, n: number) => Promise<Result> } }).piBench.synthetic(10_000, 10, 2000),
      ),
    );
    return {
      bundled: {
        companies: profiles.length,
        domains: profiles.reduce((n, p) => n + p.domains.length, 0),
        seedMs: summarize(bundled.map((r) => r.seedMs)),
        lookupMs: summarize(bundled.map((r) => r.lookupMs)),
      },
      synthetic: {
        companies: 10_000,
        domains: 100_000,
        seedMs: summarize(synthetic.map((r) => r.seedMs)),
        lookupMs: summarize(synthetic.map((r) => r.lookupMs)),
      },
    };
  } finally {
    await b.close();
  }
}
