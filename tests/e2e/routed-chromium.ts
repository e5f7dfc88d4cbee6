/**
 * Chromium launched by Playwright with an unpacked extension from any directory (the build, or a copy that a test
 * updates), every http(s) page answered with the fixture page by request routing. Unlike harness.ts it waits for
 * nothing the extension does (no dataset seed): the lifecycle tests are about exactly those first moments.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../tools/chromium-flags.mjs';
import { fixtureResponse } from './fixture-page';
import { CHROMIUM } from './harness';

export interface RoutedBrowser {
  context: BrowserContext;
  /** Requests that were not a page or frame navigation: made by a script, so the extension must make none. */
  scriptRequests: string[];
  /** Closes the browser, and removes the profile unless the caller brought its own. */
  close(): Promise<void>;
}

export async function launchRouted({ extensionDir, profileDir }: { extensionDir: string; profileDir?: string }): Promise<RoutedBrowser> {
  // Fail loudly, never skip.
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No extension at ${extensionDir}: run npm run build`);
  const profile = profileDir ?? (await mkdtemp(join(tmpdir(), 'python-inside-lifecycle-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the new headless mode, in CHROMIUM_FLAGS, is the one that runs extensions
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    viewport: { width: 1280, height: 800 },
  });
  const scriptRequests: string[] = [];
  await context.route(/^https?:\/\//, (route) => {
    const url = route.request().url();
    if (!route.request().isNavigationRequest()) scriptRequests.push(url);
    const { contentType, body, headers } = fixtureResponse(new URL(url));
    return route.fulfill({ status: 200, contentType, body, headers });
  });
  return {
    context,
    scriptRequests,
    async close() {
      await context.close();
      if (!profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}
