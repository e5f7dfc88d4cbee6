/**
 * The popup as the toolbar button opens it, in turns with the floor popup and any build to compare: the worker
 * calls action.openPopup() while a covered page is the active tab, so the popup finds its tab as it does for a
 * person (its window's active tab). Playwright does not list an extension's popup; Puppeteer does, so it drives
 * this part. The popup is not ours to instrument before it loads, so the card's time is read afterwards from the
 * popup's own buffered largest-contentful-paint entries: when the card was painted, in whole frames (16.7 ms
 * apart), coarser than the opened-as-a-page figure. There is no worker-stopped figure: the worker opens the popup.
 */
import puppeteer, { type Browser, type WebWorker } from 'puppeteer-core';
import { CHROMIUM } from '../e2e/harness';
import { CHROMIUM_FLAGS } from '../tools/chromium-flags.mjs';
import { largePage } from './large-page';
import { summarize, type Summary } from './stats';

export interface ToolbarPopupScenario {
  name: string;
  /** the unpacked extension */
  dir: string;
}

interface Opened {
  browser: Browser;
  worker: WebWorker;
}

/** A browser with the extension and the covered page open in its active tab, every page served locally. */
async function launch(dir: string, coveredUrl: string): Promise<Opened> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    pipe: true,
    enableExtensions: [dir],
    headless: true, // Puppeteer's own flag for the new headless mode, which runs extensions
    args: CHROMIUM_FLAGS.filter((flag) => !flag.startsWith('--headless')),
  });
  const worker = await (await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 30_000 })).worker();
  if (!worker) throw new Error(`no service worker for ${dir}`);
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: largePage(new URL(request.url()).hostname) });
  });
  await page.goto(coveredUrl, { waitUntil: 'load' });
  return { browser, worker };
}

/** Opens the popup from the toolbar and returns when its card was painted, in ms from the popup's navigation. */
async function openOnce({ browser, worker }: Opened): Promise<number> {
  await worker.evaluate('chrome.action.openPopup()');
  const target = await browser.waitForTarget((t) => t.type() === 'page' && new URL(t.url()).pathname === '/popup.html', { timeout: 10_000 });
  const popup = await target.asPage();
  try {
    await popup.waitForSelector('.pi-card h2', { timeout: 10_000 });
    // The first paint of the card that was the largest content so far: the whole card is drawn in one task.
    return await popup.evaluate(
      () =>
        new Promise<number>((resolve) =>
          new PerformanceObserver((list, observer) => {
            const times = (list.getEntries() as LargestContentfulPaint[])
              .filter((entry) => entry.element?.closest('.pi-card'))
              .map((entry) => entry.renderTime || entry.startTime);
            if (!times.length) return;
            observer.disconnect();
            resolve(Math.min(...times));
          }).observe({ type: 'largest-contentful-paint', buffered: true }),
        ),
    );
  } finally {
    await popup.close();
  }
}

export async function benchToolbarPopup(scenarios: readonly ToolbarPopupScenario[], coveredUrl: string, runs: number, warmup: number): Promise<Record<string, Summary>> {
  const opened = new Map<string, Opened>();
  try {
    for (const s of scenarios) opened.set(s.name, await launch(s.dir, coveredUrl));
    const times = new Map(scenarios.map((s) => [s.name, [] as number[]]));
    for (let run = -warmup; run < runs; run++) {
      for (const s of scenarios) {
        const ms = await openOnce(opened.get(s.name)!);
        if (run >= 0) times.get(s.name)!.push(ms);
      }
    }
    return Object.fromEntries([...times].map(([name, v]) => [name, summarize(v)]));
  } finally {
    for (const o of opened.values()) await o.browser.close();
  }
}
