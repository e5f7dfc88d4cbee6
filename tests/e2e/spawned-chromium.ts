/**
 * Chromium started the way a person starts it: one process on a profile, with any URLs on its command line, and
 * nothing held back for a test driver (Playwright's own launch pauses every new tab and worker until it has
 * attached, and allows no URL on the command line). The test attaches afterwards over the DevTools protocol on
 * 127.0.0.1 and closes the browser the normal way, so the session is saved as it would be.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../tools/chromium-flags.mjs';
import { CHROMIUM } from './harness';

export interface StartedBrowser {
  browser: Browser;
  /** The profile's browsing context: its tabs and the extension's worker. */
  context: BrowserContext;
  /** Closes the browser as its window's close button would, and waits for the process to end. */
  close(): Promise<void>;
}

export interface StartOptions {
  profileDir: string;
  extensionDir: string;
  args?: string[];
  /** Opened at start, as when a link from another program starts the browser. */
  urls?: string[];
}

export async function startChromium({ profileDir, extensionDir, args = [], urls = [] }: StartOptions): Promise<StartedBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No extension at ${extensionDir}: run npm run build`);
  // Chromium writes the debugging port here once it listens; a file left by the last start would be stale.
  const portFile = join(profileDir, 'DevToolsActivePort');
  await rm(portFile, { force: true });
  const child = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_FLAGS,
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-port=0',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--window-size=1280,800',
      // Fewer of Chromium's own calls to Google services (the resolver rules send them to the local server).
      '--disable-features=AutofillServerCommunication,OptimizationHints,NetworkTimeServiceQuerying,MediaRouter',
      ...args,
      ...urls,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)));
  try {
    const port = await debuggingPort(portFile, child, () => stderr);
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium started without its profile context');
    return { browser, context, close: () => closeBrowser(browser, child) };
  } catch (error) {
    child.kill();
    throw error;
  }
}

async function debuggingPort(portFile: string, child: ChildProcess, stderr: () => string, timeout = 30_000): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Chromium exited with ${child.exitCode} at start: ${stderr()}`);
    // The first line is the port; the second, written with it, shows the file is complete.
    const [port, path] = existsSync(portFile) ? (await readFile(portFile, 'utf8')).split('\n') : [];
    if (port && path) return port;
    if (Date.now() > end) throw new Error(`Chromium did not open its debugging port within ${timeout} ms: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function closeBrowser(browser: Browser, child: ChildProcess): Promise<void> {
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const session = await browser.newBrowserCDPSession();
  // The browser ends while answering, so the answer may never come.
  await session.send('Browser.close').catch(() => undefined);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
