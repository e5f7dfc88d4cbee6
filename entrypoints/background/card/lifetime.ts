/**
 * Tells the first worker start of an extension lifetime (install, update, browser start, the extension turned
 * back on) from a worker that merely woke up after idling. storage.session is emptied at each of those moments
 * and survives a worker's sleep, so a flag in it marks the lifetime as begun.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { forgetShown } from './session-shown';

const begunItem = storage.defineItem<boolean>('session:lifetimeBegun', { fallback: false });
/** The version that began the previous lifetime: a different one now means this lifetime is an update. */
const versionItem = storage.defineItem<string | null>('local:lifetimeVersion', { fallback: null });

/**
 * Firefox's background is a persistent page: it starts only when a lifetime begins or after the extension's
 * process crashed, and Firefox keeps storage.session through such a crash. A service worker (Chromium) starts
 * again after every idle stop.
 */
const persistentBackground = () => typeof (globalThis as { document?: unknown }).document !== 'undefined';

/**
 * Whether the background should look at the tabs already open: when a lifetime begins, and whenever a persistent
 * background starts (after a crash, the page events of the restart were heard by nobody).
 */
export async function startLooksAtOpenTabs(): Promise<boolean> {
  return (await beginLifetime()) || persistentBackground();
}

/**
 * Says whether this start begins a new lifetime, and if so settles what carries over: the cards shown so far
 * survive an update (the browser session goes on), and are forgotten when a new browser session begins or
 * the extension is turned back on.
 */
export async function beginLifetime(): Promise<boolean> {
  if (await begunItem.getValue()) return false;
  await begunItem.setValue(true);
  const version = browser.runtime.getManifest().version;
  if ((await versionItem.getValue()) === version) await forgetShown();
  else await versionItem.setValue(version);
  return true;
}
