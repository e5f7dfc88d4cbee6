/**
 * The options page's "Detect Python on any site" switch in Firefox, for the suites that turn detection on and
 * off: the switch clicked with real input (a user action, which Firefox requires of permissions.request), and
 * the status line the page shows once the browser has answered.
 */
import { waitFor } from '../shared/scenarios';
import type { FirefoxDriver, FirefoxTab } from './driver';

const SWITCH = 'input[aria-describedby="detection-what detection-privacy"]';

/** The status line under the switch ("Detection is on."), empty until the switch was used. */
export const detectionStatus = (options: FirefoxTab) =>
  options.evaluate(() => document.querySelector('#detection-heading')?.closest('section')?.querySelector('[role="status"]')?.textContent ?? '', null);

/** The options page, once its detection switch can be used. */
export async function openDetectionOptions(driver: FirefoxDriver): Promise<FirefoxTab> {
  const options = await driver.openTab();
  await options.goto(driver.extensionUrl('options.html'));
  await waitFor(() => options.evaluate((s) => !!document.querySelector<HTMLInputElement>(`${s}:not([disabled])`), SWITCH), (ready) => ready, 'detection switch');
  return options;
}

/**
 * Clicks the switch; `answer`, if given, then answers the browser's permission prompt (turning detection off
 * asks nothing). Resolves once the page says `expected`.
 */
export async function switchDetection(options: FirefoxTab, expected: string, answer?: () => Promise<void>): Promise<void> {
  await options.clickOn(SWITCH);
  await answer?.();
  await waitFor(() => detectionStatus(options), (s) => s === expected, `status "${expected}"`);
}
