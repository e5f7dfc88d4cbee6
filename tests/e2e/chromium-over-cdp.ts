/**
 * Starts Chromium as its own process and drives it over CDP without Playwright's per-page overrides, so tabs are
 * visible or hidden as they are for a person. Playwright's own launch turns on focus emulation in every page it
 * attaches to, and that also keeps every page "visible": a tab opened in the background reports
 * `document.visibilityState === 'visible'` there (measured with Chromium 156), which would hide exactly what the
 * lifecycle suites test. `connectOverCDP({ noDefaults: true })` leaves focus emulation off (Playwright's
 * documented behaviour for the default context).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export interface RunningBrowser {
  context: BrowserContext;
  /** Asks Chromium to quit, and stops the process if it has not within a few seconds. */
  close(): Promise<void>;
}

export interface CdpLaunch {
  executablePath: string;
  profileDir: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export async function launchChromiumOverCdp({ executablePath, profileDir, args, env }: CdpLaunch): Promise<RunningBrowser> {
  // Port 0: Chromium picks a free port on 127.0.0.1 and writes it to DevToolsActivePort in the profile.
  const portFile = join(profileDir, 'DevToolsActivePort');
  rmSync(portFile, { force: true }); // a profile started before still holds the port of its last run
  const process_ = spawn(executablePath, [...args, '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, '--window-size=1280,800', 'about:blank'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  process_.stderr?.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const port = await waitForPort(process_, portFile, () => stderr);
  let browser: Browser;
  try {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { noDefaults: true, isLocal: true, timeout: 30_000 });
  } catch (error) {
    process_.kill();
    throw error;
  }
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium started without its default browser context');
  return {
    context,
    async close() {
      const exited = new Promise<void>((resolve) => (process_.exitCode !== null ? resolve() : process_.once('exit', () => resolve())));
      // Browser.close quits Chromium itself; Playwright's browser.close() would only disconnect from it.
      const session = await browser.newBrowserCDPSession().catch(() => undefined);
      await session?.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => process_.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForPort(process_: ChildProcess, portFile: string, stderr: () => string): Promise<number> {
  const end = Date.now() + 30_000;
  for (;;) {
    if (process_.exitCode !== null) throw new Error(`Chromium exited (${process_.exitCode}) before it listened for CDP:\n${stderr()}`);
    if (existsSync(portFile)) {
      const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    }
    if (Date.now() > end) {
      process_.kill();
      throw new Error(`Chromium did not open its CDP port within 30 s:\n${stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
