/** askBackground for the extension's own pages (options, browse, the popup's lists), over the polyfill they load. */
import { browser } from 'wxt/browser';
import { clientOver } from './client';

export const askBackground = clientOver((message) => browser.runtime.sendMessage(message));
