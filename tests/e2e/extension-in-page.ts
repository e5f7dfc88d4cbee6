/**
 * Whether the extension has run a script in a page yet: Chromium gives every extension that injects into a
 * document an isolated world of its own there, and DevTools reports it as an execution context whose origin is
 * the extension's. A tab's badge is set as soon as its page starts loading; this says the background has gone on
 * to look at the page itself, whatever it injected.
 */
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { waitUntil } from './wait-until';

interface ExecutionContext {
  origin: string;
  auxData?: { frameId?: string; type?: string };
}

/** Waits (bounded) until an isolated world of the extension exists in the page's top document. */
export async function waitForExtensionScriptIn(h: Harness, page: Page, timeout = 10_000): Promise<void> {
  const session = await h.context.newCDPSession(page);
  try {
    const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const origin = `chrome-extension://${h.extensionId}`;
    let found = false;
    session.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => {
      if (context.origin === origin && context.auxData?.frameId === frameTree.frame.id) found = true;
    });
    await session.send('Runtime.enable'); // reports the contexts that exist already, then each new one
    await waitUntil(async () => found, timeout, () => `the extension ran no script in ${page.url()} within ${timeout / 1_000} s`);
  } finally {
    await session.detach().catch(() => undefined);
  }
}
