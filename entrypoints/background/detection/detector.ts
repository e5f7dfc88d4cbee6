/**
 * The opt-in detector: once a page outside the curated profiles has loaded, and only while the user has granted
 * access to all sites, look for signs of Python and keep what was found for that tab and URL. Nothing is
 * injected while detection is off; the browser would refuse it anyway, as the permission is gone.
 */
import { browser, type Browser } from 'wxt/browser';
import { detect } from '@/data/detection/detect';
import { detectionGranted } from '@/data/detection/access';
import { buildProbe, checkedFacts, checkedGlobals, globalNames, headerNames } from '@/data/detection/probe';
import { bundledRules } from '@/data/detection/rules';
import type { Detection } from '@/data/detection/types';
import { hostnameOfUrl } from '@/data/profiles/match';
import { gatherPageFacts, globalsPresent, NO_FACTS } from '@/data/detection/page-facts';
import { companyForHost } from '../lookup';
import { headersFor, saveDetections, saveHeaders, samePage } from './tab-detections';

const probe = buildProbe(bundledRules);
const globals = globalNames(bundledRules);
const wantedHeaders = new Set(headerNames(bundledRules));

/** What the page shows, read at idle in the extension's isolated world (the page cannot fake the DOM API there). */
async function pageFacts(tabId: number) {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: gatherPageFacts, args: [probe] });
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
  const [facts, found, headers] = await Promise.all([pageFacts(tabId), pageGlobals(tabId), headersFor(tabId, url)]);
  const detections = detect(bundledRules, {
    host,
    elements: new Map(facts.elements.map(([index, value]) => [probe.selectors[index]!, value])),
    metas: facts.metas,
    cookies: facts.cookies,
    globals: found,
    headers,
  });
  const now = await browser.tabs.get(tabId).catch(() => undefined);
  if (!samePage(now?.url, url)) return null;
  await saveDetections(tabId, { url, detections });
  return detections;
}

/** The main document's response headers, cut down to the few names the rules read (Server, X-Powered-By...). */
function keepHeaders(details: Browser.webRequest.OnHeadersReceivedDetails): undefined {
  if (details.tabId < 0 || details.frameId !== 0) return undefined;
  const headers = (details.responseHeaders ?? [])
    .map((h): [string, string] => [h.name.toLowerCase(), (h.value ?? '').slice(0, 100)])
    .filter(([name]) => wantedHeaders.has(name))
    .slice(0, 20);
  saveHeaders(details.tabId, { url: details.url, headers }).catch(() => undefined); // the tab closed meanwhile
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
  webRequest.onHeadersReceived.addListener(keepHeaders, { urls: ['*://*/*'], types: ['main_frame'] }, ['responseHeaders']);
}
