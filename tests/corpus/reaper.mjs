// The corpus servers' safety net. The test process starts this once, in a process group of its own, and tells it
// on standard input which servers it started ("+ <pgid> <mark>") and stopped ("- <pgid> <mark>"). When standard
// input closes, the test process has gone (finished, crashed or killed with SIGKILL: the pipe closes either way),
// and every server still listed is killed: its process group, and every process carrying its mark (marked.mjs),
// so no server, nor anything it started, outlives the test that started it.
import { createInterface } from 'node:readline';
import { signalMarked } from './marked.mjs';

const servers = new Map();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [op, id, mark] = line.trim().split(' ');
  const pgid = Number(id);
  if (!Number.isInteger(pgid) || pgid <= 1 || !mark) return;
  if (op === '+') servers.set(mark, pgid);
  if (op === '-') servers.delete(mark);
});
lines.on('close', () => {
  for (const [mark, pgid] of servers) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
    signalMarked(mark, 'SIGKILL');
  }
  process.exit(0);
});
// Ctrl-C in the terminal reaches the test's process group, not this one; a stray signal must not end the watch early.
for (const signal of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(signal, () => undefined);
