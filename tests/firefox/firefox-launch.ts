/**
 * Starts Firefox ESR on a given profile (firefox-profile.ts) with puppeteer-core over WebDriver BiDi, and ends it
 * either as the tests need (close) or as a person does (quit: the session is saved for the next start).
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX } from './driver';
import type { Prefs } from './firefox-profile';
import { forgetMarionettePort, quitLikeAPerson } from './marionette-quit';

export interface RunningFirefox {
  browser: Browser;
  pid: number;
  /** Ends Firefox over BiDi (closes every tab first: the saved session is empty). */
  close(): Promise<void>;
  /** Quits as File > Quit does, so the open tabs are restored at the next start; needs `quittable`. */
  quit(): Promise<void>;
}

export interface StartOptions {
  profileDir: string;
  prefs: Prefs;
  /** Command-line arguments, e.g. a URL to open. */
  args?: string[];
  /** Starts Marionette too, for quit(). */
  quittable?: boolean;
}

export async function startFirefox({ profileDir, prefs, args = [], quittable = false }: StartOptions): Promise<RunningFirefox> {
  // Fail loudly, never skip: a suite that silently ran nothing would look green.
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr`);
  if (quittable) await forgetMarionettePort(profileDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    // Written to the profile's user.js, over puppeteer's own defaults (which turn session restore off).
    extraPrefsFirefox: { ...prefs, ...(quittable && { 'marionette.port': 0 }) },
    args: [...(quittable ? ['--marionette'] : []), ...args],
    // puppeteer opens about:blank when given no URL: that tab would be selected over restored ones.
    ignoreDefaultArgs: ['about:blank'],
  });
  const child = browser.process();
  if (!child?.pid) throw new Error('Firefox started without a process id');
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return {
    browser,
    pid: child.pid,
    close: () => browser.close(),
    async quit() {
      if (!quittable) throw new Error('quit() needs Firefox started with quittable: true');
      try {
        await quitLikeAPerson(profileDir);
      } catch (error) {
        await browser.close().catch(() => undefined); // do not leave it running on the profile
        throw error;
      }
      await exited;
    },
  };
}
