// `npm run screenshots`: drives the real built extension in Chromium and writes the README and store
// screenshots to docs/screenshots/: the card on a covered site (light and dark), the popup, options and the grid.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { card, extensionPage, launchExtension, setSettings, showFullProfile, tabIdOf } from '../e2e/harness';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const h = await launchExtension();

/** A calm stand-in page behind the card, instead of the test fixture's hostile styles. */
async function calmSite(page: Page, dark: boolean) {
  await page.evaluate((isDark) => {
    document.head.querySelector('style')?.remove();
    document.body.style.cssText = `margin:0;padding:40px;font:18px system-ui;background:${isDark ? '#111418' : '#f6f7f9'};color:${isDark ? '#ddd' : '#333'}`;
  }, dark);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${OUT}/${name}.png` });
  console.log(`wrote ${OUT}/${name}.png`);
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    // The scheme fixed rather than judged: the calm page below is drawn after the card may have looked.
    await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0, theme: scheme });
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('https://www.youtube.com/');
    await calmSite(page, scheme === 'dark');
    await card(page, 'YouTube').waitFor();
    await shot(page, `card-${scheme}`);
    if (scheme === 'light') {
      await showFullProfile(card(page, 'YouTube'));
      await shot(page, 'card-all-light');
    }
    await page.close();
  }

  const site = await h.context.newPage();
  await site.goto('https://www.spotify.com/');
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(extensionPage(h, `popup.html?tab=${await tabIdOf(h, site)}`));
  await popup.getByRole('heading', { level: 2 }).first().waitFor();
  await shot(popup, 'popup');

  const options = await h.context.newPage();
  await options.setViewportSize({ width: 1280, height: 800 });
  await options.goto(extensionPage(h, 'options.html'));
  await options.getByRole('checkbox').first().waitFor();
  await shot(options, 'options');

  const browse = await h.context.newPage();
  await browse.setViewportSize({ width: 1280, height: 800 });
  await browse.goto(extensionPage(h, 'browse.html'));
  await browse.getByRole('table').waitFor();
  await shot(browse, 'grid');
} finally {
  await h.close();
}
