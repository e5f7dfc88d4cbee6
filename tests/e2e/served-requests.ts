/**
 * Which requests that reached the local server are accounted for without the extension: the pages the test
 * opened, their favicons, and Chromium's own background calls to Google services, which the resolver rules send
 * to the local server too (headless Debian Chromium makes them even with background networking off). Anything
 * else was fetched by a script, and the fixture page has none: it would be the extension, which must fetch nothing.
 */
import type { ServedRequest } from './local-https-server';

/**
 * Chromium's account check (sent with Google's own origin) and its update client (no origin), by host and path:
 * an extension's request would carry its chrome-extension:// origin or the page's.
 */
const BROWSER_OWN = [
  { url: /^https:\/\/accounts\.google\.com\/ListAccounts\?/, origin: 'https://www.google.com' },
  { url: /^https:\/\/update\.googleapis\.com\/service\/update2\//, origin: undefined },
];

export function unaccountedRequests(requests: readonly ServedRequest[], pageUrls: readonly string[]): string[] {
  return requests
    .filter((r) => {
      if (r.mode === 'navigate') return !pageUrls.includes(r.url);
      if (new URL(r.url).pathname === '/favicon.ico' && r.origin === undefined) return false;
      return !BROWSER_OWN.some((own) => own.url.test(r.url) && (r.origin === undefined || r.origin === own.origin));
    })
    .map((r) => `${r.mode} ${r.url}${r.origin ? ` from ${r.origin}` : ''}`);
}
