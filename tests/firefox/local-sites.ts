/**
 * Every web page the Firefox lifecycle tests load, served for real from 127.0.0.1: a proxy that Firefox sends all
 * http(s) traffic to (prefs in firefox-profile.ts) and that answers every request itself, never forwarding one.
 * An https request arrives as CONNECT host:443; the proxy ends TLS itself with a throwaway certificate naming
 * the test hosts and answers with the same fixture pages as the other suites.
 *
 * Why a real server and not request interception: pages restored or passed on the command line load while
 * Firefox starts, before a WebDriver session exists to intercept anything.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { fixtureResponse } from '../e2e/fixture-page';
import { makeThrowawayCert } from './throwaway-cert';

export interface SiteRequest {
  url: string;
  /** Sec-Fetch-Dest: "document" for a navigation, "image" for the browser's own favicon fetch. */
  dest: string | undefined;
}

export interface LocalSites {
  /** The proxy's port on 127.0.0.1. */
  port: number;
  hosts: readonly string[];
  /** SHA-256 fingerprint of the certificate every https host presents. */
  certSha256: string;
  /** Every request answered, in order. */
  requests: SiteRequest[];
  /** Hosts Firefox asked for that are not test hosts (its own services): refused, never forwarded. */
  refused: Set<string>;
  close(): Promise<void>;
}

export async function startLocalSites(hosts: readonly string[]): Promise<LocalSites> {
  const served = new Set(hosts);
  const tls = await makeThrowawayCert(hosts);
  const requests: SiteRequest[] = [];
  const refused = new Set<string>();

  const answer = (scheme: 'http' | 'https') => (request: IncomingMessage, response: ServerResponse) => {
    // Through a proxy a plain http request carries the absolute URL; after CONNECT only the path.
    const url = new URL(request.url ?? '/', `${scheme}://${request.headers.host ?? 'unknown'}`);
    if (!served.has(url.hostname)) {
      refused.add(url.hostname);
      return void response.writeHead(403).end();
    }
    const header = request.headers['sec-fetch-dest'];
    requests.push({ url: url.href, dest: Array.isArray(header) ? header[0] : header });
    const { contentType, body, headers } = fixtureResponse(url);
    response.writeHead(200, { 'content-type': contentType, ...headers }).end(body);
  };

  const tlsServer = createHttpsServer({ key: tls.key, cert: tls.cert }, answer('https'));
  const proxy = createHttpServer(answer('http'));
  const sockets = new Set<Socket>();
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (request, socket, head) => {
    const host = (request.url ?? '').replace(/:\d+$/, '');
    if (!served.has(host)) {
      refused.add(host);
      return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tlsServer.emit('connection', socket);
  });
  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', resolve);
  });

  return {
    port: (proxy.address() as AddressInfo).port,
    hosts,
    certSha256: tls.sha256,
    requests,
    refused,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

/**
 * Requests that were neither a page navigation nor the browser's own favicon fetch. The fixture pages load
 * nothing, so anything here came from the extension, which must never make a request.
 */
export const requestsNotNavigations = (sites: LocalSites) =>
  sites.requests.filter((r) => r.dest !== 'document' && !(r.dest === 'image' && new URL(r.url).pathname === '/favicon.ico'));
