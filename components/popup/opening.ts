/**
 * What the popup shows first, asked for as early as the popup can: its first and smallest script
 * (entrypoints/popup-start.ts) sends the one message before the interface's own scripts have been fetched and
 * run, so the background answers meanwhile. Over the browser's own API, as the card does: the polyfill is not
 * loaded yet.
 */
import { askBackground } from '@/data/messaging/in-page';
import type { PopupView } from '@/data/messaging/protocol';
import { popupApi } from './popup-api';
import { tabIdFromSearch } from './tab-param';

const KEY = '__pythonInsidePopupView';
const page = globalThis as { [KEY]?: Promise<PopupView> };

/**
 * The popup's view of a tab: `?tab=` in its address (tests, keyboard users), else the active tab of its own
 * window, asked here, where the browser's "current window" is the popup's.
 */
export async function askPopupView(tabId: number | null): Promise<PopupView> {
  const id = tabId ?? (await popupApi().tabs.query({ active: true, currentWindow: true }).catch(() => []))[0]?.id ?? null;
  return askBackground({ type: 'popup:open', tabId: id });
}

/** Asks for the popup's view of the tab in its address, once (popup-start.ts does, first). */
export const earlyPopupView = (): Promise<PopupView> => (page[KEY] ??= askPopupView(tabIdFromSearch(location.search)));
