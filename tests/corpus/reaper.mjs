// The corpus servers' safety net. The test process starts this once, in a process group of its own, and tells it
// on standard input which process groups it started ("+ <pgid>") and stopped ("- <pgid>"). When standard input
// closes, the test process has gone (finished, crashed or killed with SIGKILL: the pipe closes either way), and
// every group still listed is killed, so no server outlives the test that started it.
import { createInterface } from 'node:readline';

const groups = new Set();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [op, id] = line.trim().split(' ');
  const pgid = Number(id);
  if (!Number.isInteger(pgid) || pgid <= 1) return;
  if (op === '+') groups.add(pgid);
  if (op === '-') groups.delete(pgid);
});
lines.on('close', () => {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  process.exit(0);
});
// Ctrl-C in the terminal reaches the test's process group, not this one; a stray signal must not end the watch early.
for (const signal of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(signal, () => undefined);
