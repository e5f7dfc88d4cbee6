/**
 * The real-server corpus (tests/corpus/corpus.ts), end to end: real Python servers, frameworks and generators
 * from Debian's packages, and non-Python controls, each started on 127.0.0.1 by this test with its default
 * settings; Chromium with the built extension and detection turned on (through the browser's real prompt)
 * visits every page over a real connection, so the background sees the real response headers. For each page
 * the popup must list every technology the table says is there, nothing else, and the badge must agree; on the
 * controls it must say no signs of Python were found. Expectations marked `knownMiss` must still be missed, and
 * those marked `wronglyFound` still found.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadValidRules } from '../../data/build/rule-files';
import { CORPUS, type CorpusPage, type CorpusServer } from '../corpus/corpus';
import { debianVersion } from '../corpus/processes';
import { RECIPES, startRecipe, type Recipe, type RunningServer } from '../corpus/servers';
import { turnDetectionOn } from './detection-grant';
import { extensionPage, launchExtension, madeByPage, setSettings, tabIdOf, type Harness } from './harness';
import { startVirtualDisplay, type VirtualDisplay } from './virtual-display';

let h: Harness;
let screen: VirtualDisplay;
let profileDir: string;
/** Requests that left this machine's loopback: the pages' own CDN assets (refused) and any by the extension. */
const extensionRequests: string[] = [];
const rows: string[] = [];

/** A web address off this machine's loopback, 127.0.0.1 or localhost (extension pages' own files are neither). */
const offLoopback = (url: URL) => (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost';

/** Chromium with a window on the virtual display, one profile across the restart; nothing beyond 127.0.0.1. */
async function launch(): Promise<Harness> {
  h = await launchExtension({ display: screen.display, httpOverNetwork: true, profileDir });
  // Registered after the harness's own route, so it wins. Real pages ask for web fonts and CDN scripts (Swagger
  // UI, highlight.js): there is no network here, and none is tried.
  await h.context.route(
    offLoopback,
    (route) => {
      const request = route.request();
      if (!madeByPage(request)) extensionRequests.push(request.url());
      return route.abort();
    },
  );
  return h;
}

beforeAll(async () => {
  // Every name the table expects is a rule's, unless it is marked as having no rule yet.
  const ruleNames = new Set(loadValidRules().map((r) => r.name));
  const named = CORPUS.flatMap((s) => s.pages.flatMap((p) => [...p.mustFind, ...(p.wronglyFound ?? [])]));
  const unknown = named.filter((e) => !ruleNames.has(e.name) && !('knownMiss' in e && e.knownMiss?.startsWith('no rule')));
  if (unknown.length) throw new Error(`Not a rule name: ${unknown.map((e) => e.name).join(', ')}`);

  screen = await startVirtualDisplay();
  profileDir = await mkdtemp(join(tmpdir(), 'python-inside-corpus-'));
  await launch();
  await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0 });
  h = await turnDetectionOn(h, screen, launch);
}, 90_000);

afterAll(async () => {
  await h?.close();
  screen?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
  const table = ['| Server | Debian package | Path | Must find | Found | Ready in |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
  console.log(`Real-server corpus:\n${table}`);
  if (process.env.CORPUS_REPORT) await writeFile(process.env.CORPUS_REPORT, `${table}\n`);
  if (extensionRequests.length) throw new Error(`Requests made by the extension: ${extensionRequests.join(', ')}`);
});

const badgeOf = (tabId: number) => h.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
const samePage = (a: string, b: string) => a.split('#')[0] === b.split('#')[0];

/** The detector's stored result for the tab, once it is about the page the tab shows now. */
async function storedResultFor(tabId: number, page: Page): Promise<void> {
  const end = Date.now() + 15_000;
  for (;;) {
    const record = await h.worker.evaluate(async (key) => (await chrome.storage.session.get(key))[key] as { url: string } | undefined, `detections:${tabId}`);
    if (record && samePage(record.url, page.url())) return;
    if (Date.now() > end) throw new Error(`No detection result for ${page.url()} (stored: ${record?.url ?? 'none'})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Visits a page as a first-time visitor and reads what the popup and the badge say about it. */
async function detectionsOn(url: string): Promise<{ names: string[]; badge: string; hint: string | null }> {
  // Cookies belong to the host, not the port: one server's cookies must not show on the next server's pages.
  await h.context.clearCookies();
  const page = await h.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await tabIdOf(h, page);
  await storedResultFor(tabId, page);
  const popup = await h.context.newPage();
  await popup.goto(extensionPage(h, `popup.html?tab=${tabId}`));
  await popup.locator('.pi-detection-hint, .pi-detections').first().waitFor();
  const names = await popup.locator('.pi-detection h3').allTextContents();
  const hint = (await popup.locator('.pi-detection-hint').count()) ? await popup.locator('.pi-detection-hint').textContent() : null;
  const badge = await badgeOf(tabId);
  await Promise.all([page.close(), popup.close()]);
  return { names, badge, hint };
}

describe.each(CORPUS.map((s) => [s.recipe, s] as const))('%s', (_id, entry: CorpusServer) => {
  const recipe: Recipe = RECIPES[entry.recipe];
  let server: RunningServer | undefined;

  beforeAll(async () => {
    server = await startRecipe(recipe, entry.recipe);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it.each(entry.pages.map((p) => [p.path, p] as const))('%s', async (path, expected: CorpusPage) => {
    const url = server!.base + path.replace(/\{(\w+)\}/g, (_, name: string) => server!.vars[name] ?? '');
    const { names, badge, hint } = await detectionsOn(url);
    const version = `${recipe.packages[0]} ${debianVersion(recipe.packages[0]!)}`;
    const must = expected.mustFind.map((e) => (e.knownMiss ? `${e.name} (known miss)` : e.name)).join(', ') || 'nothing';
    const wrong = (expected.wronglyFound ?? []).map((e) => e.name);
    const shown = names.map((n) => (wrong.includes(n) ? `${n} (wrongly)` : n)).join(', ') || 'nothing';
    rows.push(`| ${entry.server} | ${version} | ${path} | ${must} | ${shown} | ${server!.readyInSeconds.toFixed(1)} s |`);

    const wanted = expected.mustFind.filter((e) => !e.knownMiss).map((e) => e.name);
    const missed = expected.mustFind.filter((e) => e.knownMiss).map((e) => e.name);
    // A known miss that is now found means the detector improved: remove its knownMiss mark in corpus.ts.
    for (const name of missed) expect(names, `${name} is found now: remove its knownMiss in tests/corpus/corpus.ts`).not.toContain(name);
    // Likewise a known false finding that is gone: remove its wronglyFound entry.
    for (const name of wrong) expect(names, `${name} is no longer found: remove it from wronglyFound in tests/corpus/corpus.ts`).toContain(name);
    // Everything that must be found is, and nothing that is not really there.
    expect(names.filter((n) => !expected.mayFind?.includes(n) && !wrong.includes(n)).sort()).toEqual([...wanted].sort());
    // The badge and the popup agree; with nothing found the popup says so.
    if (names.length) expect(badge).toBe('Py?');
    else {
      expect(badge).toBe('');
      expect(hint).toBe('No signs of Python found on this page.');
    }
    if (!entry.python) expect(names).toEqual([]);
  });
});
