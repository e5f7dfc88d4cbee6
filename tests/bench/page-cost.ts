/**
 * What one page view costs the page: main-thread task and script time and JS heap (Chromium's Performance
 * domain, for that tab's renderer), and when DOMContentLoaded and the load event ended.
 */
import type { BrowserContext } from 'playwright-core';

export interface PageView {
  taskMs: number;
  scriptMs: number;
  heapMb: number;
  domContentLoadedMs: number;
  loadMs: number;
  /** content-script worlds created in the page: 0 means nothing was injected at all */
  isolatedWorlds: number;
  /** whether the card showed, so a scenario that should show it can be checked to have done so */
  card: boolean;
}

/** Time after the load event during which late work (an idle-time or after-load injection) is still counted. */
const SETTLE_MS = 700;

export async function measurePageView(context: BrowserContext, url: string): Promise<PageView> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    let isolatedWorlds = 0;
    cdp.on('Runtime.executionContextCreated', (e) => {
      // Extension content scripts only: the test driver makes isolated worlds of its own.
      if (e.context.origin.startsWith('chrome-extension://')) isolatedWorlds++;
    });
    await cdp.send('Runtime.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    // Heap that stays, not garbage that happens not to be collected yet.
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    });
    return {
      taskMs: metric('TaskDuration') * 1000,
      scriptMs: metric('ScriptDuration') * 1000,
      heapMb: metric('JSHeapUsedSize') / 1024 / 1024,
      domContentLoadedMs: timing.dcl,
      loadMs: timing.load,
      isolatedWorlds,
      card: (await page.locator('python-inside').count()) > 0,
    };
  } finally {
    await page.close();
  }
}
