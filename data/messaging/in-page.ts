/** The card asks the background from inside a web page, over the browser's own global (see browser/extension-global.ts). */
import { pageApi } from '../browser/extension-global';
import type { CardResponse, Message, ResponseFor } from './protocol';

export async function askBackground<M extends Message>(message: M): Promise<ResponseFor[M['type']]> {
  return (await pageApi().runtime.sendMessage(message)) as ResponseFor[M['type']];
}

export type { CardResponse };
