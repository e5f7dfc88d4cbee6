/**
 * The keyboard shortcut, pressed for real: Chromium with a window on a virtual display (Xvfb), the key sent by
 * xdotool as a keyboard sends it. Calling the background's code instead would not notice what a user does: the
 * browser leaving the key unassigned (it did: Chromium keeps Alt+Shift+P for its own "new tab group").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignedKey, focused } from './card-keyboard';
import { card, launchExtension, setSettings, type Harness } from './harness';
import { startVirtualDisplay, type VirtualDisplay } from './virtual-display';

let h: Harness;
let screen: VirtualDisplay;

beforeAll(async () => {
  screen = await startVirtualDisplay();
  h = await launchExtension({ display: screen.display });
}, 60_000);

afterAll(async () => {
  await h?.close();
  screen?.close();
});

describe('the keyboard shortcut, pressed on a real keyboard', () => {
  it('shows the card where it would not show by itself and takes the keyboard there; pressed again, hides it and gives focus back', async () => {
    await setSettings(h, { showMode: 'never', autoHideSeconds: 0 });
    const page = await h.context.newPage();
    await page.goto('https://www.youtube.com/');
    await page.bringToFront();
    await page.locator('#site-search').focus();
    await page.waitForTimeout(1_000); // set to never: no card comes by itself (the key press below is the control)
    expect(await page.locator('python-inside').count()).toBe(0);

    const key = await assignedKey(h);
    screen.press(key);
    await expect.poll(() => card(page, 'YouTube').isVisible(), { timeout: 10_000 }).toBe(true);
    // The user asked for the card: the keyboard is in it, one Tab from its controls (not hundreds away at the
    // end of a long page).
    expect(await focused(page)).toBe('card:Python at YouTube');
    // Its controls are the next Tabs: the card's bar first (Shrink to a tab, Close).
    screen.press('Tab');
    await expect.poll(() => focused(page)).toBe('card:Shrink to a tab');
    screen.press('Tab');
    await expect.poll(() => focused(page)).toBe('card:Close');

    screen.press(key);
    await expect.poll(() => page.locator('python-inside').count()).toBe(0);
    expect(await focused(page)).toBe('page:site-search');

    screen.press(key);
    await expect.poll(() => card(page, 'YouTube').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.close();
  });
});
