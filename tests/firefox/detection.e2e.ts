/**
 * Detection turned on and off again in Firefox ESR (Manifest V2, optional_permissions): the covered sites keep
 * their card and badge, and the access detection was given is gone.
 *
 * What this cannot check: Firefox's own permission prompt. Headless, nothing can answer that doorhanger, so
 * this run sets extensions.webextOptionalPermissionPrompts to false, Firefox's switch for its own tests, which
 * accepts the request where the prompt would have asked. Everything else is real: the options switch clicked
 * with real input (a user action, which Firefox requires), permissions.request and permissions.remove in the
 * browser, and the pages that follow. The prompt itself is answered with a real key press in a Firefox window
 * on a virtual display in detection-card.e2e.ts, and in Chromium in tests/e2e/detection.e2e.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETECTION_ORIGINS } from '../../data/detection/origins';
import { cardName, setSettings, waitFor } from '../shared/scenarios';
import { openDetectionOptions, switchDetection as clickSwitch } from './detection-options';
import { launchFirefox, type FirefoxTab } from './driver';

let firefox: Awaited<ReturnType<typeof launchFirefox>>;
let options: FirefoxTab;

/** What the browser says the extension holds right now, and what its manifest requires. */
const held = () =>
  options.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const { origins = [], permissions = [] } = await api.permissions.getAll();
    const required = (api.runtime.getManifest().permissions ?? []).filter((p) => p.includes('://'));
    return { origins: [...origins].sort(), permissions, required: [...required].sort() };
  }, null);

/** The tab showing `url` as the extension sees it: its URL is there only where the extension has host access. */
const tabSeen = (url: string) =>
  options.evaluate(async (u) => {
    const api = (globalThis as unknown as { browser: typeof chrome & { browserAction: typeof chrome.action } }).browser;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    return tab?.id === undefined ? null : { badge: await api.browserAction.getBadgeText({ tabId: tab.id }) };
  }, url);

const switchDetection = (expected: string) => clickSwitch(options, expected);

beforeAll(async () => {
  firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  await setSettings(firefox.driver, { showMode: 'every-load', autoHideSeconds: 0 });
  options = await openDetectionOptions(firefox.driver);
});
afterAll(async () => {
  await firefox?.close();
});

describe('Firefox: detection on, then off', () => {
  it('gives back only what detection added: other sites are out of reach again, covered sites keep card and badge', async () => {
    const before = await held();
    expect(before.required.length).toBeGreaterThan(100);
    expect(before.origins).toEqual(before.required);

    await switchDetection('Detection is on.');
    const on = await held();
    expect(on.origins).toEqual([...before.required, ...DETECTION_ORIGINS].sort());
    expect(on.permissions).toContain('webRequest');
    // With detection on, the extension sees a site without a profile (the control for the check after off).
    const elsewhere = await firefox.driver.openTab();
    await elsewhere.goto('https://example.org/');
    await waitFor(() => tabSeen('https://example.org/'), (seen) => seen !== null, 'example.org seen while detection is on');

    await switchDetection('Detection is off.');
    const off = await held();
    expect(off.origins).toEqual(before.required);
    expect(off.permissions).not.toContain('webRequest');
    // And now it does not: the access detection added is gone.
    expect(await tabSeen('https://example.org/')).toBeNull();
    await elsewhere.close();

    const tab = await firefox.driver.openTab();
    for (const [url, name] of [
      ['https://www.youtube.com/', 'YouTube'],
      ['https://www.reddit.com/', 'Reddit'],
    ] as const) {
      await tab.goto(url);
      await waitFor(() => cardName(tab), (n) => n === `Python at ${name}`, `card on ${url}`);
      await waitFor(() => tabSeen(url), (seen) => seen?.badge === 'Py', `badge on ${url}`);
    }
    await tab.close();
  });
});
