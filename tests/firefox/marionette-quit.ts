/**
 * Quits Firefox the way File > Quit does, through Marionette (Firefox's built-in automation server, started with
 * --marionette): the session is saved with its open tabs, as for a person closing the browser.
 *
 * WebDriver BiDi cannot do this: its browser.close closes every tab one by one before Firefox exits, so the saved
 * session has no tabs left to restore. Killing the process is a crash, which is restored by another path.
 *
 * Marionette's wire format: `<byte length>:<JSON>`; a command is [0, id, name, parameters], its answer
 * [1, id, error, result]. The first message is the server's greeting.
 */
import { readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';

// Marionette writes the port it listens on (marionette.port = 0: any free one) into the profile.
const PORT_FILE = 'MarionetteActivePort';

/** A stale port file from an earlier run must not send us to another port: remove it before Firefox starts. */
export const forgetMarionettePort = (profileDir: string) => rm(join(profileDir, PORT_FILE), { force: true });

async function readPort(profileDir: string, timeout = 15_000): Promise<number> {
  const end = Date.now() + timeout;
  for (;;) {
    const text = await readFile(join(profileDir, PORT_FILE), 'utf8').catch(() => '');
    if (/^\d+$/.test(text.trim())) return Number(text.trim());
    if (Date.now() > end) throw new Error(`Marionette did not start (no ${PORT_FILE} in ${profileDir}); was Firefox started with --marionette?`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Asks Firefox to quit normally; resolves once Firefox has accepted (it then exits on its own). */
export async function quitLikeAPerson(profileDir: string): Promise<void> {
  const socket = connect(await readPort(profileDir), '127.0.0.1');
  socket.setEncoding('utf8');
  const messages: unknown[] = [];
  let ended: Error | undefined;
  let wake = () => {};
  let buffer = '';
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (;;) {
      const colon = buffer.indexOf(':');
      const length = Number(buffer.slice(0, colon));
      // Lengths count UTF-8 bytes; Marionette's answers here are ASCII, so characters and bytes agree.
      if (colon < 0 || buffer.length < colon + 1 + length) break;
      messages.push(JSON.parse(buffer.slice(colon + 1, colon + 1 + length)));
      buffer = buffer.slice(colon + 1 + length);
    }
    wake();
  });
  socket.on('error', (error) => ((ended = error), wake()));
  socket.on('close', () => ((ended ??= new Error('Marionette closed the connection')), wake()));
  const next = async () => {
    while (!messages.length) {
      if (ended) throw ended;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return messages.shift();
  };
  try {
    await next(); // the greeting
    // No WebDriver:NewSession: Marionette acts within the session puppeteer opened over BiDi (Firefox allows one).
    const command = JSON.stringify([0, 1, 'Marionette:Quit', { flags: ['eAttemptQuit'] }]);
    socket.write(`${Buffer.byteLength(command)}:${command}`);
    const [, , error] = (await next()) as [number, number, { message?: string } | null, unknown];
    if (error) throw new Error(`Firefox refused to quit: ${error.message ?? JSON.stringify(error)}`);
  } finally {
    socket.destroy();
  }
}
