/**
 * Which requests that reached the local server are accounted for without the extension: the pages the test
 * opened, their favicons, and Chromium's own background calls to Google services, which the resolver rules send
 * to the local server too (headless Debian Chromium makes them even with background networking off). Anything
 * else was fetched by a script, and the fixture page has none: it would be the extension, which must fetch nothing.
 */
import type { ServedRequest } from './local-https-server';

/** Chromium's account check and its update client, by host and path; they carry no Origin (no web page or extension asked). */
const BROWSER_OWN = [/^https:\/\/accounts\.google\.com\/ListAccounts\?/, /^https:\/\/update\.googleapis\.com\/service\/update2\//];

export function unaccountedRequests(requests: readonly ServedRequest[], pageUrls: readonly string[]): string[] {
  return requests
    .filter((r) => {
      if (r.mode === 'navigate') return !pageUrls.includes(r.url);
      if (new URL(r.url).pathname === '/favicon.ico' && r.origin === undefined) return false;
      return !(r.origin === undefined && BROWSER_OWN.some((pattern) => pattern.test(r.url)));
    })
    .map((r) => `${r.mode} ${r.url}${r.origin ? ` from ${r.origin}` : ''}`);
}
