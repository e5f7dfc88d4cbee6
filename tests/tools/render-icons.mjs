// Chrome's manifest needs PNG icons, so this renders tests/tools/icon/icon.svg (the source, kept out of the
// package) to public/icon/<size>.png; run `node tests/tools/render-icons.mjs` after editing the SVGs.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourceDir = join(root, 'tests', 'tools', 'icon');
const iconDir = join(root, 'public', 'icon');
const sizes = [16, 32, 48, 96, 128];

// A size may have its own pixel-hinted drawing (icon-16.svg); otherwise icon.svg is scaled.
async function svgFor(size) {
  const hinted = join(sourceDir, `icon-${size}.svg`);
  const file = existsSync(hinted) ? hinted : join(sourceDir, 'icon.svg');
  const svg = await readFile(file);
  return `data:image/svg+xml;base64,${svg.toString('base64')}`;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});

try {
  for (const size of sizes) {
    const src = await svgFor(size);
    const page = await browser.newPage({
      viewport: { width: size, height: size },
      deviceScaleFactor: 1,
    });
    await page.setContent(
      `<!doctype html><html><head><style>
        html, body { margin: 0; padding: 0; background: transparent; }
        img { display: block; width: ${size}px; height: ${size}px; }
      </style></head><body><img alt="" src="${src}"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const file = join(iconDir, `${size}.png`);
    await page.screenshot({
      path: file,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}
