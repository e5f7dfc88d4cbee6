/** The extension's on/off switch on chrome://extensions, clicked as a person clicks it. */
import type { Page } from 'playwright-core';

/**
 * Turns the extension on or off from its card on chrome://extensions (opened in `page` if it is not there) and
 * waits until the switch shows the new state. Playwright's CSS locators reach into the page's shadow roots.
 */
export async function switchExtension(page: Page, extensionId: string, on: boolean): Promise<void> {
  if (!page.url().startsWith('chrome://extensions')) await page.goto('chrome://extensions');
  const toggle = page.locator(`extensions-item#${extensionId} #enableToggle`);
  const isOn = () => toggle.evaluate((el) => (el as HTMLElement & { checked: boolean }).checked);
  if ((await isOn()) === on) throw new Error(`The extension is already ${on ? 'on' : 'off'} in chrome://extensions`);
  await toggle.click();
  const end = Date.now() + 5_000;
  while ((await isOn()) !== on) {
    if (Date.now() > end) throw new Error(`The switch on chrome://extensions did not turn ${on ? 'on' : 'off'}`);
    await page.waitForTimeout(50);
  }
}
