/**
 * The extension API for the in-page card without webextension-polyfill (which would triple the script's size):
 * Firefox's `browser` and Chrome MV3's `chrome` both return promises for the few calls the card makes.
 */
import type { CardResponse, Message, ResponseFor } from './messages';

interface CardApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    onChanged: {
      addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    };
  };
}

const g = globalThis as unknown as { browser?: CardApi; chrome?: CardApi };
export const cardApi = (): CardApi => (g.browser ?? g.chrome)!;

export async function askBackground<M extends Message>(message: M): Promise<ResponseFor[M['type']]> {
  return (await cardApi().runtime.sendMessage(message)) as ResponseFor[M['type']];
}

export type { CardResponse };
