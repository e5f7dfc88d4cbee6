/** askBackground for the card in a web page and the popup's first view, over the browser's own global (see browser/extension-global.ts). */
import { pageApi } from '../browser/extension-global';
import { clientOver } from './client';

export const askBackground = clientOver((message) => pageApi().runtime.sendMessage(message));
