/**
 * Turns "Detect Python on any site" on the way a person does, as the detection suite does: the options switch,
 * then the browser's real permission prompt answered with key presses on the virtual display (Tab, Enter:
 * Allow). Then the browser is restarted with the same profile, because Chromium delivers webRequest events
 * under a permission granted at run time only from the next browser start (see detection.e2e.ts).
 */
import { DETECTION_ORIGINS } from '../../data/detection/origins';
import { extensionPage, type Harness } from './harness';
import type { VirtualDisplay } from './virtual-display';

const SWITCH = 'Look for signs of Python on sites without a profile';

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Grants detection through the options page and the prompt; returns the restarted browser's harness. */
export async function turnDetectionOn(h: Harness, screen: VirtualDisplay, relaunch: () => Promise<Harness>): Promise<Harness> {
  const options = await h.context.newPage();
  await options.goto(extensionPage(h, 'options.html'));
  await options.getByRole('checkbox', { name: SWITCH }).click();
  await options.waitForTimeout(1200); // the prompt opens as a window of its own
  screen.press('Tab', 'Return');
  await waitFor(() => h.worker.evaluate((origins) => chrome.permissions.contains({ origins }), DETECTION_ORIGINS), (g) => g, 'access to all sites after allowing the prompt');
  const panel = options.getByRole('region', { name: 'Detect Python on any site' });
  await waitFor(() => panel.getByRole('status').textContent(), (t) => t === 'Detection is on.', 'status');
  await options.close();
  await h.close();
  return relaunch();
}
