/**
 * Firefox runs every add-on's background page in one child process, named "WebExtensions". Killing it is a real
 * extension-process crash: Firefox then starts the persistent background pages again by itself (desktop Firefox
 * does so at once while the browser is in use, up to extensions.webextensions.crash.threshold crashes in 30 s).
 * Only processes descended from the Firefox these tests started are looked at.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessInfo {
  pid: number;
  parent: number;
  name: string;
  state: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    // /proc/<pid>/stat: "pid (name) state ppid ...", where the name may itself contain spaces or parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const [state, parent] = stat.slice(close + 2).split(' ');
    return { pid, parent: Number(parent), name: stat.slice(open + 1, close), state: state ?? '' };
  } catch {
    return undefined; // it exited while we looked
  }
}

/** Live (not yet reaped) processes named "WebExtensions" under the given Firefox process. */
export function extensionProcesses(firefoxPid: number): number[] {
  const all = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readProcess(Number(entry)))
    .filter((info): info is ProcessInfo => !!info);
  const descendants = new Set([firefoxPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of all) {
      if (!descendants.has(info.pid) && descendants.has(info.parent)) {
        descendants.add(info.pid);
        grew = true;
      }
    }
  }
  return all.filter((info) => descendants.has(info.pid) && info.name === 'WebExtensions' && info.state !== 'Z').map((info) => info.pid);
}

/** The one extension process of this Firefox, waited for (it is started again after a crash). */
export async function extensionProcess(firefoxPid: number, { not, timeout = 10_000 }: { not?: number; timeout?: number } = {}): Promise<number> {
  const end = Date.now() + timeout;
  for (;;) {
    const found = extensionProcesses(firefoxPid).filter((pid) => pid !== not);
    if (found.length === 1) return found[0]!;
    if (Date.now() > end) throw new Error(`Expected one WebExtensions process under Firefox ${firefoxPid}${not ? ` other than ${not}` : ''}, found ${JSON.stringify(found)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Crashes the extension process (SIGKILL: no chance to clean up, as in a real crash). */
export function crashExtensionProcess(pid: number): void {
  process.kill(pid, 'SIGKILL');
}
