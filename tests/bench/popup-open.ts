/**
 * The toolbar popup, from its navigation to its card drawn (opened as a page for a covered tab, as the e2e tests
 * do), in turns with a floor popup that is one static heading (the least any extension popup costs to open) and
 * any build to compare. Twice: with the service worker running, and with it stopped first, as it is when the
 * toolbar button is pressed after the browser let it idle away (the popup then wakes it, if it asks it anything).
 */
import type { BrowserContext } from 'playwright-core';
import { measurePopup } from './card-timing';
import { summarize, type Summary } from './stats';

export interface PopupScenario {
  name: string;
  context: BrowserContext;
  url: string;
}

async function stopWorkers(context: BrowserContext) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(300);
  } finally {
    await page.close();
  }
}

export async function benchPopupOpen(scenarios: readonly PopupScenario[], runs: number, warmup: number) {
  const warm = new Map(scenarios.map((s) => [s.name, [] as number[]]));
  const cold = new Map(scenarios.map((s) => [s.name, [] as number[]]));
  for (let run = -warmup; run < runs; run++) {
    for (const s of scenarios) {
      const ms = await measurePopup(s.context, s.url);
      if (run >= 0) warm.get(s.name)!.push(ms);
    }
  }
  for (let run = 0; run < runs; run++) {
    for (const s of scenarios) {
      await stopWorkers(s.context);
      cold.get(s.name)!.push(await measurePopup(s.context, s.url));
    }
  }
  const summary = (m: Map<string, number[]>): Record<string, Summary> => Object.fromEntries([...m].map(([name, v]) => [name, summarize(v)]));
  return { warm: summary(warm), workerStopped: summary(cold) };
}
