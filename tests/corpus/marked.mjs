// A server and everything it starts carry one environment variable, set when the test starts it. Even a helper
// that leaves the server's process group and session (JupyterHub starts its proxy that way, so the proxy can
// outlive a restart of the hub) keeps it, so stopping a server can find every process that belongs to it.
import { readdirSync, readFileSync } from 'node:fs';

export const MARK = 'PYTHON_INSIDE_CORPUS_SERVER';

/** The processes (ids) whose environment has MARK=mark. Linux only: it reads /proc. */
export function markedPids(mark) {
  const entry = `${MARK}=${mark}`;
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(entry)) pids.push(Number(name));
    } catch {
      // gone meanwhile, or another user's
    }
  }
  return pids;
}

/** Sends `signal` to every process marked `mark`; says how many there were. */
export function signalMarked(mark, signal) {
  const pids = markedPids(mark);
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
  return pids.length;
}
