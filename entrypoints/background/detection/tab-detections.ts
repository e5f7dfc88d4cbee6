/**
 * Per-tab detector state in storage.session: in memory only (never on disk, never synced), survives the
 * service worker going to sleep, gone when the browser closes. Every record carries the URL it is about, and
 * is read back only while the tab still shows that URL, so a result can never outlive its page.
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

export interface TabHeaders {
  url: string;
  headers: [string, string][];
}

/** The fragment never reaches the server, and moving within a page is not a new page. */
export const samePage = (a: string | undefined, b: string | undefined) => !!a && !!b && a.split('#')[0] === b.split('#')[0];

const detectionsKey = (tabId: number) => `session:detections:${tabId}` as const;
const headersKey = (tabId: number) => `session:headers:${tabId}` as const;

export async function detectionsFor(tabId: number, url: string | undefined): Promise<Detection[] | null> {
  const record = await storage.getItem<TabDetections>(detectionsKey(tabId));
  return record && samePage(record.url, url) ? record.detections : null;
}

export const saveDetections = (tabId: number, record: TabDetections) => storage.setItem(detectionsKey(tabId), record);

export async function headersFor(tabId: number, url: string): Promise<[string, string][]> {
  const record = await storage.getItem<TabHeaders>(headersKey(tabId));
  return record && samePage(record.url, url) ? record.headers : [];
}

export const saveHeaders = (tabId: number, record: TabHeaders) => storage.setItem(headersKey(tabId), record);

/** A new page in the tab: its old result goes at once (headers are keyed by URL and may already be the new page's). */
export const forgetDetections = (tabId: number) => storage.removeItem(detectionsKey(tabId));

export const forgetTab = (tabId: number) => storage.removeItems([detectionsKey(tabId), headersKey(tabId)]);

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
