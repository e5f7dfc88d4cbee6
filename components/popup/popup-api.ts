/**
 * The extension API calls the popup makes, over the browser's own global rather than the polyfill: the popup's
 * first view is drawn before any of its larger scripts are fetched (popup-page.ts), and Chrome MV3's `chrome`
 * and Firefox's `browser` both return promises for these calls.
 */
import { logError } from '@/data/browser/console';
import { extensionGlobal } from '@/data/browser/extension-global';

export interface PopupApi {
  tabs: {
    query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    create(properties: { url: string }): Promise<unknown>;
  };
  runtime: { getURL(path: string): string; openOptionsPage(): Promise<void> };
  commands?: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
}

export const popupApi = (): PopupApi => extensionGlobal<PopupApi>()!;

/** An extension page in a tab of its own (the grid, the options' detection section), then the popup closes. */
export function openExtensionTab(path: string, closePopup: boolean): void {
  popupApi()
    .tabs.create({ url: popupApi().runtime.getURL(path) })
    .catch(logError);
  if (closePopup) window.close();
}
