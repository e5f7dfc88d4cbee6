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

/** Firefox's `browser` or Chrome's `chrome` global, as whatever shape the caller needs. */
export const extensionGlobal = <T>(): T | undefined => {
  const g = globalThis as unknown as { browser?: T; chrome?: T };
  return g.browser ?? g.chrome;
};

export const cardApi = (): CardApi => extensionGlobal<CardApi>()!;

export async function askBackground<M extends Message>(message: M): Promise<ResponseFor[M['type']]> {
  return (await cardApi().runtime.sendMessage(message)) as ResponseFor[M['type']];
}

export type { CardResponse };
