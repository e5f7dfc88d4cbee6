// Renders the README screenshots from the real built extension: `npm run build && npx vite-node tests/tools/readme-screenshot.ts`.
import { card, extensionPage, launchExtension, setSettings } from '../e2e/harness';

const h = await launchExtension();
try {
  await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0 });
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 900, height: 640 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto('https://www.youtube.com/');
  // A calm page behind the card, instead of the test fixture's hostile styles.
  await page.evaluate(() => {
    document.head.querySelector('style')?.remove();
    document.body.style.cssText = 'margin:0;font:16px system-ui;background:#f6f7f9;color:#333';
  });
  await card(page, 'YouTube').waitFor();
  await page.screenshot({ path: '.github/screenshot.png' });
  console.log('wrote .github/screenshot.png');

  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(extensionPage(h, 'browse.html'));
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: '.github/grid.png' });
  console.log('wrote .github/grid.png');
} finally {
  await h.close();
}
