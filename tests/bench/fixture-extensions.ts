/**
 * Reference extensions written on the fly into a temporary directory, so the benchmark compares against what
 * any extension pays, not against a guess:
 * - floor: a one-line content script registered for every page at document_idle (the cheapest static design);
 * - floor-after-load: the same line injected by a service worker with scripting.executeScript once the tab has
 *   finished loading (tabs.onUpdated status "complete");
 * - floor-after-load with our hosts: the same again, with this extension's own host permissions instead of
 *   <all_urls>. Chromium prepares an extension's isolated world in a page with work that grows with its host
 *   patterns (about 6 ms more for our 750 than for one, measured), so this separates that from the card's own;
 * - floor-popup: a toolbar popup that is one static heading, the least any popup costs to open.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ONE_LINE = "document.documentElement.dataset.benchFloor = '1';\n";
const INJECT_AFTER_LOAD = `chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'complete') chrome.scripting.executeScript({ target: { tabId }, files: ['floor.js'] }).catch(() => {});
});\n`;

function write(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const afterLoad = (dir: string, name: string, hosts: readonly string[]) =>
  write(dir, {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name,
      version: '1.0',
      permissions: ['scripting'],
      host_permissions: hosts,
      background: { service_worker: 'background.js' },
    }),
    'background.js': INJECT_AFTER_LOAD,
    'floor.js': ONE_LINE,
  });

/** `ours`: the built extension, whose host permissions the third floor copies. */
export function fixtureExtensions(ours: string) {
  const root = mkdtempSync(join(tmpdir(), 'pi-bench-ext-'));
  const ourHosts = (JSON.parse(readFileSync(join(ours, 'manifest.json'), 'utf8')) as { host_permissions: string[] }).host_permissions;
  return {
    floor: write(join(root, 'floor'), {
      'manifest.json': JSON.stringify({
        manifest_version: 3,
        name: 'Bench floor',
        version: '1.0',
        content_scripts: [{ matches: ['<all_urls>'], js: ['floor.js'], run_at: 'document_idle' }],
      }),
      'floor.js': ONE_LINE,
    }),
    floorAfterLoad: afterLoad(join(root, 'floor-after-load'), 'Bench floor, injected after load', ['<all_urls>']),
    floorAfterLoadOurHosts: afterLoad(join(root, 'floor-after-load-our-hosts'), 'Bench floor, injected after load, our hosts', ourHosts),
    floorPopup: write(join(root, 'floor-popup'), {
      'manifest.json': JSON.stringify({
        manifest_version: 3,
        name: 'Bench floor popup',
        version: '1.0',
        action: { default_popup: 'popup.html' },
        // A worker, so the bench finds the extension's id as it does for the others.
        background: { service_worker: 'background.js' },
      }),
      'background.js': '\n',
      'popup.html': '<!doctype html><html lang="en"><meta charset="utf-8"><title>Floor</title><article class="pi-card"><h2>Floor</h2></article></html>\n',
    }),
  };
}

/** The one line's mark on <html>: what to wait for to know a floor's script ran. */
export const FLOOR_SCRIPT = 'floor.js';
