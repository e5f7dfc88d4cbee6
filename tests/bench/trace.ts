/**
 * What an after-load injection costs the page's main thread, from a Chromium trace of one page view: the work
 * from the first task that runs an extension's injected script to 700 ms after the load event, by kind (script,
 * style, layout, paint, ...), and the time of one injected script file (its evaluation and its callbacks).
 *
 * Measured as the main thread's CPU time (the trace's thread time), not wall time: on a loaded machine a task's
 * wall time includes whatever time the operating system gave other processes meanwhile, which varied the total
 * by 100 ms from one page view to the next. Work before the first injected script is the page's own (its first
 * frame after load) and is left out, as are tasks that are nothing but garbage collection (the page's heap). The
 * wall-clock total after load, everything included, is kept for comparison with earlier runs.
 */
import type { BrowserContext } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** thread (CPU) time, when the trace has it */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; worldName?: string; data?: { url?: string } };
}

export interface AfterLoad {
  /** wall time of every main-thread task after the load event */
  totalMs: number;
  /** CPU time of the main-thread tasks from the first injected script on, garbage collection alone left out */
  cpuMs: number;
  /** CPU time of those tasks by kind of work */
  byKind: Record<string, number>;
  /** CPU time of the injected script file `scriptFile` (e.g. "overlay.js"): its evaluation and its callbacks */
  scriptMs: number;
}

const KINDS = ['EvaluateScript', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'LocalWindowProxy::Initialize'];
const TASKS = ['ThreadControllerImpl::RunTask', 'RunTask'];

const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;

export async function traceAfterLoad(context: BrowserContext, url: string, scriptFile = '', settleMs = 700): Promise<AfterLoad> {
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
    const after = events.filter((e) => e.ph === 'X' && e.pid === load.pid && e.tid === main?.tid && e.ts > load.ts).sort((a, b) => a.ts - b.ts);
    const tasks = after.filter((e) => TASKS.includes(e.name));
    const within = (task: TraceEvent) => after.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0));
    // An extension's script runs in an isolated world, which has a name (the extension's); the page's has none.
    const firstInjected = tasks.findIndex((task) => within(task).some((e) => e.name === 'v8.run' && !!e.args?.worldName));
    const injected = (firstInjected < 0 ? [] : tasks.slice(firstInjected)).filter((task) => {
      const parts = within(task);
      return !(parts.length && parts.every((e) => /GC/.test(e.name)));
    });
    const inWindow = (e: TraceEvent) => injected.some((task) => e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0));
    const counted = after.filter(inWindow);
    const sum = (list: TraceEvent[]) => list.reduce((n, e) => n + cpu(e), 0);
    const ofScript = (e: TraceEvent) => !!scriptFile && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && !!e.args?.data?.url?.endsWith(`/${scriptFile}`);
    return {
      totalMs: tasks.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000,
      cpuMs: sum(injected),
      byKind: Object.fromEntries(KINDS.map((k) => [k, sum(counted.filter((e) => e.name === k))])),
      scriptMs: sum(counted.filter(ofScript)),
    };
  } finally {
    await page.close();
  }
}
