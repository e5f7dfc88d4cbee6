/**
 * The opt-in detector: once a page outside the curated profiles has loaded, and only while the user has granted
 * access to all sites, look for signs of Python and keep what was found for that tab and URL. Nothing is
 * injected while detection is off; the browser would refuse it anyway, as the permission is gone. The main
 * document's request and response are read as they go by (webRequest): the headers the rules name, and the names
 * of the cookies the rules know that the request sends or the response sets, HttpOnly ones included, which the
 * page itself cannot see. Only when those were not seen (webRequest not delivering yet, a page from the cache)
 * does the page read its own cookie string, which holds it up while the browser's cookie store answers.
 */
import { browser, type Browser } from 'wxt/browser';
import { detect } from '@/data/detection/detect';
import { detectionGranted } from '@/data/detection/access';
import { buildProbe, checkedFacts, checkedGlobals, elementsSeen, globalNames, headerNames } from '@/data/detection/probe';
import { bundledRules } from '@/data/detection/rules';
import type { Detection } from '@/data/detection/types';
import { hostnameOfUrl } from '@/data/profiles/match';
import { gatherPageFacts, globalsPresent, NO_FACTS } from '@/data/detection/page-facts';
import { companyForHost } from '../lookup';
import { responseFor, saveDetections, saveResponse, samePage } from './tab-detections';

const probe = buildProbe(bundledRules);
const globals = globalNames(bundledRules);
const wantedHeaders = new Set(headerNames(bundledRules));
const knownCookies = new Set(probe.cookies);

/** What the page shows, read at idle in the extension's isolated world (the page cannot fake the DOM API there). */
async function pageFacts(tabId: number, readCookies: boolean) {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: gatherPageFacts, args: [probe, readCookies] });
    return checkedFacts(result?.result, probe);
  } catch {
    return NO_FACTS; // a page we may not script (the browser's own, a store page) or a tab that went away
  }
}

/** Globals live in the page's own world; only this fixed list of names is looked at there. */
async function pageGlobals(tabId: number) {
  if (!globals.length) return [];
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: globalsPresent, args: [globals], world: 'MAIN' });
    return checkedGlobals(result?.result, globals);
  } catch {
    return [];
  }
}

/**
 * Detects on a loaded page if detection is on and the site has no curated profile (those get the card).
 * Says what it stored, or null when it did not run; a result for a page the tab has since left is dropped.
 */
export async function detectOnPage(tabId: number, url: string | undefined): Promise<Detection[] | null> {
  const host = hostnameOfUrl(url);
  if (!host || !url || !(await detectionGranted()) || (await companyForHost(host))) return null;
  // The tab's address is usually its document's: when that document's request and response went by, their cookie
  // names are known and the page is spared reading its own.
  const seen = await responseFor(tabId, url);
  const [facts, found] = await Promise.all([pageFacts(tabId, !seen), pageGlobals(tabId)]);
  // The response that loaded this document, found by the address it was loaded from: the tab's address may since
  // have been rewritten by the page (or, when the page could not be read, it is the best left).
  const response = (facts.document ? await responseFor(tabId, facts.document) : seen) ?? { headers: [], cookies: [] };
  const detections = detect(bundledRules, {
    host,
    elements: elementsSeen(probe, facts),
    metas: facts.metas,
    cookies: [...new Set([...facts.cookies, ...response.cookies])],
    globals: found,
    headers: response.headers,
  });
  const now = await browser.tabs.get(tabId).catch(() => undefined);
  if (!samePage(now?.url, url)) return null;
  await saveDetections(tabId, { url, detections });
  return detections;
}

type Header = { name: string; value?: string };

/** Cookie names the rules know, from a request's Cookie header ("a=1; b=2") or a response's Set-Cookie lines. */
const knownNames = (pairs: string[]) => pairs.map((pair) => pair.split('=')[0]!.trim()).filter((name) => knownCookies.has(name));

const headerValues = (headers: readonly Header[], name: string) => headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value ?? '');

/**
 * The names of the cookies a response sets, from its Set-Cookie headers (one per header in Chromium, one per line
 * of a single header in Firefox); only the names the rules know are kept, and never a value.
 */
export const setCookieNames = (headers: readonly Header[]): string[] => [...new Set(knownNames(headerValues(headers, 'set-cookie').flatMap((v) => v.split('\n'))))];

// In memory only, per request, until its final response: the cookie names its Cookie header sent, and those a
// redirect set for the document it leads to (Jupyter's login sets its cookie on the redirect to /tree).
const requestCookies = new Map<string, string[]>();
const held = (requestId: string, names: string[]) => {
  if (!names.length) return;
  // A request that never got its response leaves its entry: the oldest go first.
  if (requestCookies.size >= 100) requestCookies.delete(requestCookies.keys().next().value!);
  requestCookies.set(requestId, names);
};

/** The main document's request: the names of the cookies it sends (HttpOnly ones too) that the rules know. */
function keepRequestCookies(details: Browser.webRequest.OnSendHeadersDetails): undefined {
  if (details.tabId < 0 || details.frameId !== 0) return undefined;
  const sent = knownNames(headerValues(details.requestHeaders ?? [], 'cookie').flatMap((v) => v.split(';')));
  held(details.requestId, [...new Set([...(requestCookies.get(details.requestId) ?? []), ...sent])]);
  return undefined;
}

/** The main document's response: the few headers the rules read (Server, X-Powered-By...) and the cookie names. */
function keepHeaders(details: Browser.webRequest.OnHeadersReceivedDetails): undefined {
  if (details.tabId < 0 || details.frameId !== 0) return undefined;
  const all = details.responseHeaders ?? [];
  const cookies = [...new Set([...(requestCookies.get(details.requestId) ?? []), ...setCookieNames(all)])];
  requestCookies.delete(details.requestId);
  // A redirect is no document: only the cookies it set go on, to the response it leads to.
  if (details.statusCode >= 300 && details.statusCode < 400 && all.some((h) => h.name.toLowerCase() === 'location')) {
    held(details.requestId, setCookieNames(all));
    return undefined;
  }
  const headers = all
    .map((h): [string, string] => [h.name.toLowerCase(), (h.value ?? '').slice(0, 100)])
    .filter(([name]) => wantedHeaders.has(name))
    .slice(0, 20);
  saveResponse(details.tabId, details.url, { headers, cookies }).catch(() => undefined); // the tab closed meanwhile
  return undefined;
}

/**
 * webRequest exists only while its optional permission is granted. Adding the listener at worker start (when
 * granted) lets the event wake the worker; adding it when the permission arrives covers the session it was
 * granted in. addListener with the same function twice is a no-op.
 */
export function listenForHeaders(): void {
  const webRequest = (browser as Partial<typeof browser>).webRequest;
  if (!webRequest?.onHeadersReceived || webRequest.onHeadersReceived.hasListener(keepHeaders)) return;
  // Chromium hands over Cookie and Set-Cookie only to listeners that ask for 'extraHeaders'; Firefox has no such
  // option (and refuses an unknown one), and always includes them.
  const options = webRequest as { OnHeadersReceivedOptions?: { EXTRA_HEADERS?: string }; OnSendHeadersOptions?: { EXTRA_HEADERS?: string } };
  const filter = { urls: ['*://*/*'], types: ['main_frame' as const] };
  const sendExtra = options.OnSendHeadersOptions?.EXTRA_HEADERS;
  webRequest.onSendHeaders.addListener(keepRequestCookies, filter, (sendExtra ? ['requestHeaders', sendExtra] : ['requestHeaders']) as Browser.webRequest.OnSendHeadersOptions[]);
  const receivedExtra = options.OnHeadersReceivedOptions?.EXTRA_HEADERS;
  webRequest.onHeadersReceived.addListener(keepHeaders, filter, (receivedExtra ? ['responseHeaders', receivedExtra] : ['responseHeaders']) as Browser.webRequest.OnHeadersReceivedOptions[]);
}
