/** axe-core run inside a real page, for WCAG 2.1 A/AA violations (shared by the accessibility suites). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe in the page (evaluate is not subject to the page's CSP) and returns the violations, briefly. */
export async function violations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(
    async (selector) =>
      (
        await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Violation[] }> } }).axe.run(
          selector ? { include: [[selector]] } : document,
          { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
        )
      ).violations,
    include ?? null,
  );
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
