/**
 * The extension API without webextension-polyfill, for code that also runs in web pages: the card script, and
 * the interface text it shows. The polyfill would triple the card's size (tests/e2e/package-budgets.e2e.ts), and
 * Firefox's `browser` and Chrome MV3's `chrome` both return promises for the few calls made here. Everywhere
 * else (background, options, browse, the popup's lists of companies) the polyfill is loaded and used, through
 * `wxt/browser`; the popup's first view uses this too, so that it is drawn before any larger script is fetched.
 */

/** Firefox's `browser` or Chrome's `chrome` global, as whatever shape the caller needs; undefined outside an extension. */
export const extensionGlobal = <T>(): T | undefined => {
  const g = globalThis as unknown as { browser?: T; chrome?: T };
  return g.browser ?? g.chrome;
};

/** The calls the card makes. */
export interface PageApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    onChanged: {
      addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
      removeListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    };
  };
}

/** The API in the card's isolated world, where the extension always provides it. */
export const pageApi = (): PageApi => extensionGlobal<PageApi>()!;
