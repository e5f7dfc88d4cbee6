/**
 * Starting and stopping the corpus's real servers. Each runs in a process group of its own (so a server's workers
 * and helpers go with it) and carries a mark in its environment (so do helpers that leave the group), is stopped
 * by the test that started it, and is killed by a watchdog (reaper.mjs) if the test process dies first: no
 * server outlives its test.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { MARK, markedPids, signalMarked } from './marked.mjs';

/** A clean environment: Debian's own interpreters first (not a developer's pyenv or nvm), no inherited PYTHON* vars. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', ...extra };
}

/** A system account's user and group ids, as spawn takes them. */
export interface Account {
  uid: number;
  gid: number;
}

/**
 * The ids of a system account (Debian's www-data) to run a server as its package's service does. Only root can
 * start a process as another user, so anything else is refused, naming the account.
 */
export function account(name: string): Account {
  if (process.getuid?.() !== 0) throw new Error(`Runs as ${name}, as its Debian package's service does: the corpus must run as root for that`);
  const id = (flag: string) => Number(execFileSync('/usr/bin/id', [flag, name], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs one setup command (a generator, a build) to completion; its output is shown only if it fails. */
export function run(command: string, args: string[], options: { cwd: string; home: string; input?: string; env?: Record<string, string>; as?: Account }): void {
  try {
    execFileSync(command, args, { cwd: options.cwd, env: cleanEnv(options.home, options.env), input: options.input ?? '', stdio: 'pipe', timeout: 120_000, ...options.as });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${e.message}\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
  }
}

/**
 * `count` distinct ports the OS says are free on 127.0.0.1 right now, for servers that must be told their port
 * (all held open until all are chosen, so none is handed out twice).
 */
export async function freePorts(count: number): Promise<number[]> {
  const probes = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => resolve(probe));
    })),
  );
  const ports = probes.map((probe) => (probe.address() as AddressInfo).port);
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  return ports;
}

let reaper: ChildProcess | undefined;

/** The one watchdog of this test process, started on first use. */
function watchdog(): ChildProcess {
  if (reaper && reaper.exitCode === null) return reaper;
  reaper = spawn(process.execPath, [join(import.meta.dirname, 'reaper.mjs')], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  // Neither the watchdog nor its pipe keeps this process alive: its end is what the watchdog waits for.
  reaper.unref();
  (reaper.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return reaper;
}

export interface Started {
  /** Everything the server printed so far (standard output and error), for error messages and values it prints. */
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

let started = 0;

/**
 * Starts a command as the leader of a new process group, known to the watchdog, with a mark in its environment
 * that everything it starts inherits (marked.mjs): stopping it ends the group and every marked process.
 */
export function startProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; as?: Account }): Started {
  if (!existsSync(command)) throw new Error(`${command} not found: see the corpus packages in .ci/run`);
  const mark = `${process.pid}-${++started}-${randomUUID()}`;
  const child = spawn(command, args, { cwd: options.cwd, env: { ...options.env, [MARK]: mark }, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options.as });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`${command} did not start`);
  watchdog().stdin?.write(`+ ${pgid} ${mark}\n`);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pgid, signal);
    } catch {
      // the group is gone
    }
  };
  return {
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      signalGroup('SIGTERM');
      await Promise.race([exit, new Promise((r) => setTimeout(r, 3000))]);
      // Whatever is left of the group (a worker that ignored SIGTERM, a leader that took too long) goes now.
      signalGroup('SIGKILL');
      await exit;
      // And whatever it started outside its group (JupyterHub's proxy runs in a session of its own).
      const end = Date.now() + 10_000;
      while (signalMarked(mark, 'SIGKILL') > 0) {
        if (Date.now() > end) throw new Error(`Processes of ${command} outlived SIGKILL: ${markedPids(mark).join(', ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      watchdog().stdin?.write(`- ${pgid} ${mark}\n`);
    },
  };
}

/** Waits until the server answers HTTP at `url` (any status), failing at once if it exits. */
export async function waitForHttp(url: string, server: Started, timeout = 60_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (server.exited()) throw new Error(`The server for ${url} exited before it answered:\n${server.output()}`);
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
      return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`No answer from ${url} after ${timeout / 1000} s:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the server prints a line matching `pattern`; returns the match. */
export async function waitForOutput(pattern: RegExp, server: Started, timeout = 60_000): Promise<RegExpMatchArray> {
  const end = Date.now() + timeout;
  for (;;) {
    const match = pattern.exec(server.output());
    if (match) return match;
    if (server.exited()) throw new Error(`The server exited before printing ${pattern}:\n${server.output()}`);
    if (Date.now() > end) throw new Error(`The server never printed ${pattern}:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The installed version of a Debian package, or null when it is not installed. */
export function debianVersion(pkg: string): string | null {
  try {
    const out = execFileSync('/usr/bin/dpkg-query', ['-W', '-f=${db:Status-Status} ${Version}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [status, version] = out.split(' ');
    return status === 'installed' && version ? version : null;
  } catch {
    return null;
  }
}
