/**
 * Where the main thread's time goes after the load event, from a Chromium trace of one page view: the total
 * and the biggest kinds of work (script evaluation, layout, paint, ...). Work after load is what an after-load
 * injection adds, and the page itself does little then, so this is far less noisy than whole-page totals.
 */
import type { BrowserContext } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface AfterLoad {
  totalMs: number;
  byKind: Record<string, number>;
}

const KINDS = ['EvaluateScript', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'MajorGC', 'MinorGC'];

export async function traceAfterLoad(context: BrowserContext, url: string, settleMs = 700): Promise<AfterLoad> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8,loading,blink.user_timing', transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(settleMs);
    await cdp.send('Tracing.end');
    await complete;
    const load = events.find((e) => e.name === 'loadEventEnd');
    if (!load) throw new Error('trace has no loadEventEnd');
    const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === load.pid);
    const after = events.filter((e) => e.ph === 'X' && e.pid === load.pid && e.tid === main?.tid && e.ts > load.ts);
    const sum = (names: string[]) => after.filter((e) => names.includes(e.name)).reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
    return {
      totalMs: sum(['ThreadControllerImpl::RunTask', 'RunTask']),
      byKind: Object.fromEntries(KINDS.map((k) => [k, sum([k])])),
    };
  } finally {
    await page.close();
  }
}
