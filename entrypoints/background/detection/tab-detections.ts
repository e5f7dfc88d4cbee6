/**
 * Per-tab detector state in storage.session: in memory only (never on disk, never synced), survives the
 * service worker going to sleep, gone when the browser closes. A tab's detections carry the URL they are about,
 * and are read back only while the tab still shows that URL, so a result can never outlive its page.
 *
 * A tab's response headers belong to a document, not to an address: a page may rewrite its address with the
 * History API (Jupyter drops `?token=` from `/tree?token=...`) and still be the document those headers came
 * with, and going back may show an earlier document again (from the back/forward cache, without a new
 * response). So each of a tab's last few main-document responses is kept under a digest of the address it
 * answered (after redirects), and the page side says which address its document was loaded from (its
 * navigation timing entry, which the History API does not change). A document whose response is not among them
 * (one from the HTTP cache, or after the tab loaded other pages) gets no headers, never another document's.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { detectionGranted } from '@/data/detection/access';
import type { Detection } from '@/data/detection/types';
import type { TabDetectionResponse } from '@/data/messaging/protocol';
import { hostnameOfUrl } from '@/data/profiles/match';

export interface TabDetections {
  url: string;
  detections: Detection[];
}

/** One main-document response: which document it answered, and what the rules read of it (never a cookie's value). */
export interface DocumentResponse {
  /** SHA-256 of the address it answered, without the fragment: which document, without keeping the address. */
  document: string;
  headers: [string, string][];
  /** Names of the cookies the rules know that its request sent (Cookie) or it set (Set-Cookie). */
  cookies: string[];
}

/** A tab's last few main-document responses, newest first. */
export interface TabResponses {
  responses: DocumentResponse[];
}

/** Enough for going back a few pages, or a download that did not replace the page, without keeping a history. */
const KEPT_RESPONSES = 5;

/** The fragment never reaches the server, and moving within a page is not a new page. */
export const samePage = (a: string | undefined, b: string | undefined) => !!a && !!b && a.split('#')[0] === b.split('#')[0];

const detectionsKey = (tabId: number) => `session:detections:${tabId}` as const;
const headersKey = (tabId: number) => `session:headers:${tabId}` as const;

export async function detectionsFor(tabId: number, url: string | undefined): Promise<Detection[] | null> {
  const record = await storage.getItem<TabDetections>(detectionsKey(tabId));
  return record && samePage(record.url, url) ? record.detections : null;
}

export const saveDetections = (tabId: number, record: TabDetections) => storage.setItem(detectionsKey(tabId), record);

/** Which document an address loads: a digest of it without the fragment, which never reaches the server. */
export async function documentDigest(url: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(url.split('#')[0]));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Responses arrive in quick succession (a redirect, then its target); each tab's writes go one after another.
const writes = new Map<number, Promise<unknown>>();

/**
 * The response that loaded the document at `documentUrl` in this tab, if it is among the last few kept. A write
 * still under way is waited for: a fast page can finish loading before its response was stored.
 */
export async function responseFor(tabId: number, documentUrl: string): Promise<Omit<DocumentResponse, 'document'> | null> {
  await writes.get(tabId)?.catch(() => undefined);
  const record = await storage.getItem<TabResponses>(headersKey(tabId));
  const document = await documentDigest(documentUrl);
  const response = record?.responses.find((r) => r.document === document);
  return response ? { headers: response.headers, cookies: response.cookies } : null;
}

/** Keeps a main-document response as the tab's newest, replacing an earlier one for the same address. */
export function saveResponse(tabId: number, url: string, seen: Omit<DocumentResponse, 'document'>): Promise<void> {
  const write = (writes.get(tabId) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      const document = await documentDigest(url);
      const record = await storage.getItem<TabResponses>(headersKey(tabId));
      const older = (record?.responses ?? []).filter((r) => r.document !== document);
      await storage.setItem<TabResponses>(headersKey(tabId), { responses: [{ document, ...seen }, ...older].slice(0, KEPT_RESPONSES) });
    });
  writes.set(tabId, write);
  return write;
}

/** A new page in the tab: its old result goes at once (the responses stay: they may already hold the new page's). */
export const forgetDetections = (tabId: number) => storage.removeItem(detectionsKey(tabId));

export function forgetTab(tabId: number): Promise<void> {
  writes.delete(tabId);
  return storage.removeItems([detectionsKey(tabId), headersKey(tabId)]);
}

/** Detection turned off: every tab's results and headers go. */
export async function forgetAllTabs(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith('detections:') || k.startsWith('headers:'));
  if (keys.length) await browser.storage.session.remove(keys);
}

/** What the popup shows for a tab without a profile: whether detection is on, and its findings for the tab's page. */
export async function detectionForTab(tabId: number): Promise<TabDetectionResponse> {
  const granted = await detectionGranted();
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const checkable = hostnameOfUrl(tab?.url) !== null;
  return { granted, checkable, detections: granted && checkable ? await detectionsFor(tabId, tab?.url) : null };
}
