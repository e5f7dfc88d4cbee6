/**
 * A virtual X display (Xvfb) for the one thing headless Chromium cannot do: show the browser's own permission
 * prompt. The detection suite runs Chromium with a window on this display and answers the prompt with real key
 * presses (xdotool), as a user would. No test grants the permission behind the browser's back.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface VirtualDisplay {
  /** e.g. ":93", for the DISPLAY variable. */
  display: string;
  /** Key presses to whatever window has focus (the prompt, when one is open). */
  press(...keys: string[]): void;
  /** The names of the windows shown on the display now: a browser's prompt opens as a window of its own. */
  windowNames(): string[];
  close(): void;
}

const TOOLS = ['/usr/bin/Xvfb', '/usr/bin/xdotool'];

export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  // Fail loudly, never skip: .ci/run installs both.
  for (const tool of TOOLS) if (!existsSync(tool)) throw new Error(`${tool} not found: apt-get install -y xvfb xdotool`);
  const number = [...Array(40).keys()].map((i) => 90 + i).find((n) => !existsSync(`/tmp/.X${n}-lock`) && !existsSync(`/tmp/.X11-unix/X${n}`));
  if (number === undefined) throw new Error('No free X display number between :90 and :129');
  const display = `:${number}`;
  const server: ChildProcess = spawn('/usr/bin/Xvfb', [display, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const end = Date.now() + 10_000;
  while (!existsSync(`/tmp/.X11-unix/X${number}`)) {
    if (server.exitCode !== null || Date.now() > end) throw new Error(`Xvfb did not start on ${display}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const xdotool = (...args: string[]) => execFileSync('/usr/bin/xdotool', args, { env: { ...process.env, DISPLAY: display }, encoding: 'utf8' });
  return {
    display,
    press: (...keys) => void xdotool('key', '--delay', '80', ...keys),
    windowNames() {
      let ids: string[];
      try {
        ids = xdotool('search', '--onlyvisible', '--name', '').split('\n').filter(Boolean);
      } catch {
        return []; // xdotool search exits 1 when no window matches
      }
      return ids.map((id) => {
        try {
          return xdotool('getwindowname', id).trim();
        } catch {
          return ''; // closed meanwhile
        }
      });
    },
    close: () => void server.kill(),
  };
}
