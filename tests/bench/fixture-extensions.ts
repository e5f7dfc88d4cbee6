/**
 * Reference extensions written on the fly into a temporary directory, so the benchmark compares against what
 * any extension pays, not against a guess:
 * - floor: a one-line content script registered for every page at document_idle (the cheapest static design);
 * - floor-after-load: the same line injected by a service worker with scripting.executeScript once the tab has
 *   finished loading (tabs.onUpdated status "complete").
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ONE_LINE = "document.documentElement.dataset.benchFloor = '1';\n";

function write(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function fixtureExtensions(): { floor: string; floorAfterLoad: string } {
  const root = mkdtempSync(join(tmpdir(), 'pi-bench-ext-'));
  const floor = write(join(root, 'floor'), {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'Bench floor',
      version: '1.0',
      content_scripts: [{ matches: ['<all_urls>'], js: ['floor.js'], run_at: 'document_idle' }],
    }),
    'floor.js': ONE_LINE,
  });
  const floorAfterLoad = write(join(root, 'floor-after-load'), {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'Bench floor, injected after load',
      version: '1.0',
      permissions: ['scripting'],
      host_permissions: ['<all_urls>'],
      background: { service_worker: 'background.js' },
    }),
    'background.js': `chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'complete') chrome.scripting.executeScript({ target: { tabId }, files: ['floor.js'] }).catch(() => {});
});\n`,
    'floor.js': ONE_LINE,
  });
  return { floor, floorAfterLoad };
}
