/**
 * A real HTTPS server on 127.0.0.1 serving the fixture page at every URL, for pages that load before a test can
 * route requests: the tabs a browser restores or opens from its command line at start. Chromium reaches it for
 * every hostname through its resolver rules, so www.youtube.com is this server and nothing leaves the machine.
 * The certificate is a throwaway one made with openssl for each run (Chromium is told to accept it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureResponse } from './fixture-page';

const OPENSSL = '/usr/bin/openssl';

export interface ServedRequest {
  /** https://host/path as the browser asked for it (from the Host header). */
  url: string;
  /** Sec-Fetch-Mode: "navigate" for a page load, "no-cors" or "cors" for anything a script or the browser fetched. */
  mode: string;
  origin: string | undefined;
}

export interface LocalHttpsServer {
  /** Every request, in order. */
  requests: ServedRequest[];
  /** What Chromium needs to load every https:// URL from here and nowhere else. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

async function throwawayCertificate(): Promise<{ key: Buffer; cert: Buffer }> {
  if (!existsSync(OPENSSL)) throw new Error(`${OPENSSL} not found: apt-get install -y openssl`);
  const dir = await mkdtemp(join(tmpdir(), 'python-inside-cert-'));
  try {
    // A P-256 key: made in milliseconds, unlike RSA. One day is plenty for one test run.
    execFileSync(OPENSSL, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=python-inside-fixtures', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
    return { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function startLocalHttpsServer(): Promise<LocalHttpsServer> {
  const requests: ServedRequest[] = [];
  const server = createServer(await throwawayCertificate(), (request, response) => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host ?? 'unknown.invalid'}`);
    requests.push({ url: url.href, mode: String(request.headers['sec-fetch-mode'] ?? ''), origin: request.headers.origin });
    const { contentType, body, headers } = fixtureResponse(url);
    // no-store: a restored tab must really load its page again, from here, not from the browser's cache.
    response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store', ...headers }).end(body);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    chromiumArgs: [`--host-resolver-rules=MAP * 127.0.0.1:${port}`, '--ignore-certificate-errors', '--no-proxy-server'],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
