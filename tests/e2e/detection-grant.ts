/**
 * Turning "Detect Python on any site" on the way a person does, for the suites that need it (detection.e2e.ts,
 * real-servers.e2e.ts): the options switch, then the browser's real permission prompt answered with key presses on
 * the virtual display (Tab, Enter: Allow; Enter alone: Deny). Webrequest events under a permission granted at run
 * time arrive only from the next browser start, so turnDetectionOn also restarts the browser (see detection.e2e.ts).
 */
import type { Page } from 'playwright-core';
import { DETECTION_ORIGINS } from '../../data/detection/origins';
import { extensionPage, type Harness } from './harness';
import type { VirtualDisplay } from './virtual-display';
import { waitFor } from './wait-until';

/** The options page's switch, by its accessible name. */
export const DETECTION_SWITCH = 'Look for signs of Python on sites without a profile';

/** Whether the extension holds detection's access to all sites. */
export const detectionGranted = (h: Harness) => h.worker.evaluate((origins) => chrome.permissions.contains({ origins }), DETECTION_ORIGINS);

/** Clicks the options switch and answers the browser's prompt with the keyboard: Enter denies, Tab Enter allows. */
export async function switchDetection(options: Page, screen: VirtualDisplay, answer: 'allow' | 'deny' | 'none') {
  await options.getByRole('checkbox', { name: DETECTION_SWITCH }).click();
  if (answer === 'none') return;
  await options.waitForTimeout(1200); // the prompt opens as a window of its own
  if (answer === 'allow') screen.press('Tab', 'Return');
  else screen.press('Return');
}

/**
 * Allows detection from a new options page: the switch, the prompt allowed, then the access held and the panel
 * saying so. Returns the options page, still open.
 */
export async function allowDetection(h: Harness, screen: VirtualDisplay): Promise<Page> {
  const options = await h.context.newPage();
  await options.goto(extensionPage(h, 'options.html'));
  await switchDetection(options, screen, 'allow');
  await waitFor(() => detectionGranted(h), (g) => g, 'access to all sites after allowing the prompt');
  const panel = options.getByRole('region', { name: 'Detect Python on any site' });
  await waitFor(() => panel.getByRole('status').textContent(), (t) => t === 'Detection is on.', 'status');
  return options;
}

/** Allows detection, then restarts the browser with the same profile (`relaunch`); returns the new harness. */
export async function turnDetectionOn(h: Harness, screen: VirtualDisplay, relaunch: () => Promise<Harness>): Promise<Harness> {
  const options = await allowDetection(h, screen);
  await options.close();
  await h.close();
  return relaunch();
}
