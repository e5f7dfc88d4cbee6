/**
 * Detection end to end in Firefox ESR, on a real Python server: Flask's development server (Debian's python3-flask,
 * started as Flask's documentation starts it, `flask --app hello run`: the corpus's recipe) on 127.0.0.1, started
 * and stopped by this suite. Firefox runs with a window on a virtual display (Xvfb), so that its own permission
 * prompt is answered with a real key press (Alt+A: the access key of the prompt's Allow button) and the card's
 * shortcut is pressed as a keyboard presses it (xdotool). Then, on the Flask page: the toolbar's "Py?", the popup's
 * report (Flask / Werkzeug, from the Server header the server really sent), and the detection card on the page,
 * which comes only when asked ("Show on page", the shortcut) and goes as the profile card does (Escape, the
 * shortcut again, Close). With detection turned off again, neither brings a card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whereFocusIs, xdotoolKeys } from '../e2e/card-keyboard';
import { startVirtualDisplay, type VirtualDisplay } from '../e2e/virtual-display';
import { RECIPES, startRecipe, type RunningServer } from '../corpus/servers';
import { cardName, setSettings, waitFor, type Tab } from '../shared/scenarios';
import { cardsEverOn, startCountingCards } from './card-on-page';
import { openDetectionOptions, switchDetection } from './detection-options';
import { launchFirefox, type FirefoxDriver, type FirefoxTab } from './driver';

let screen: VirtualDisplay;
let server: RunningServer;
let firefox: Awaited<ReturnType<typeof launchFirefox>>;
let driver: FirefoxDriver;
let options: FirefoxTab;
let page: string;

const FLASK = 'Flask / Werkzeug';
/** The name of the window Firefox's permission prompt (a panel of the browser window) opens as. */
const PROMPT = 'Firefox';

/** Runs in an extension page: the tab showing `url` (visible to the extension only while it may see that site). */
const tabShowing = (url: string) =>
  options.evaluate(async (u) => {
    const api = (globalThis as unknown as { browser: typeof chrome & { browserAction: typeof chrome.action } }).browser;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    return tab?.id === undefined ? null : { id: tab.id, badge: await api.browserAction.getBadgeText({ tabId: tab.id }), title: await api.browserAction.getTitle({ tabId: tab.id }) };
  }, url);

/** The popup for a tab, as the toolbar button would open it, once it has drawn what it says about detection. */
async function popupFor(tabId: number): Promise<FirefoxTab> {
  const popup = await driver.openTab();
  await popup.goto(driver.extensionUrl(`popup.html?tab=${tabId}`));
  await waitFor(() => popup.evaluate(() => !!document.querySelector('.pi-detections, .pi-detection-hint'), null), (drawn) => drawn, 'the popup on the Flask page');
  return popup;
}

/** Each technology listed (in the popup, or in the card's shadow root) with its evidence lines and its link. */
const listed = (tab: Tab, inCard: boolean) =>
  tab.evaluate((card) => {
    const root = card ? document.querySelector('python-inside, [data-python-inside]')?.shadowRoot : document;
    return [...(root?.querySelectorAll('.pi-detection') ?? [])].map((item) => ({
      name: item.querySelector('h3')?.textContent,
      href: item.querySelector('h3 a')?.getAttribute('href'),
      evidence: [...item.querySelectorAll('.pi-evidence li')].map((li) => li.textContent),
      found: [...item.querySelectorAll('.pi-evidence code')].map((code) => code.textContent),
    }));
  }, inCard);

const cardHosts = (tab: Tab) => tab.evaluate(() => document.querySelectorAll('python-inside, [data-python-inside]').length, null);

/** The shortcut Firefox assigned to the card, spelled for xdotool. */
const shortcutKeys = async () =>
  xdotoolKeys(
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await api.commands.getAll()).find((c) => c.name === 'toggle-card')?.shortcut ?? '';
    }, null),
    'Firefox',
  );

beforeAll(async () => {
  server = await startRecipe(RECIPES['flask-run'], 'flask-run');
  page = `${server.base}/`;
  screen = await startVirtualDisplay();
  firefox = await launchFirefox({ display: screen.display, realHosts: ['127.0.0.1'] });
  driver = firefox.driver;
  await setSettings(driver, { showMode: 'every-load', autoHideSeconds: 0 });
  options = await openDetectionOptions(driver);
}, 120_000);

afterAll(async () => {
  await firefox?.close();
  screen?.close();
  await server?.stop();
});

describe('Firefox: detection on a real Python server, and the detection card', () => {
  it('turns on through Firefox\'s own prompt, answered with a real key press', async () => {
    expect(screen.windowNames()).not.toContain(PROMPT);
    await switchDetection(options, 'Detection is on.', async () => {
      // The prompt opens as a window of its own on the display: answered once it is there, as a person would.
      await waitFor(async () => screen.windowNames(), (names) => names.includes(PROMPT), "Firefox's permission prompt");
      screen.press('alt+a');
    });
    await waitFor(async () => screen.windowNames(), (names) => !names.includes(PROMPT), 'the prompt closed');
  });

  it('the popup lists Flask with the Server header the server really sent, and the card comes only when asked', async () => {
    const serverHeader = (await fetch(page)).headers.get('server');
    expect(serverHeader).toMatch(/^Werkzeug\//);
    const site = await driver.openTab();
    await site.goto(page);
    await startCountingCards(site.page());
    const tab = await waitFor(() => tabShowing(page), (t) => t?.badge === 'Py?', 'the "Py?" badge on the Flask page');
    expect(tab!.title).toBe(`Signs of Python: ${FLASK}`);

    const popup = await popupFor(tab!.id);
    const report = await listed(popup, false);
    expect(report.map((d) => d.name)).toEqual([FLASK]);
    expect(report[0]!.href).toBe('https://flask.palletsprojects.com/');
    expect(report[0]!.found.some((code) => code!.includes(serverHeader!))).toBe(true);
    // Detection ran and reported: still no card on the page, none ever drawn there.
    expect(await cardsEverOn(site.page())).toBe(0);

    await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Show on page')!.click(), null);
    await waitFor(() => cardName(site), (name) => name === `Signs of Python: ${FLASK}`, 'the detection card from "Show on page"');
    await popup.close().catch(() => undefined); // the popup closes itself once the card is shown
    expect(await listed(site, true)).toEqual(report); // what the popup says, worded the same
    expect(await cardsEverOn(site.page())).toBe(1);

    // Escape, with the keyboard in the card as it came, takes it away.
    await site.bringToFront();
    expect(await site.evaluate(whereFocusIs, null)).toBe(`card:Signs of Python: ${FLASK}`);
    await site.press('Escape');
    await waitFor(() => cardHosts(site), (n) => n === 0, 'the card gone after Escape');

    // The shortcut, on a real keyboard: shows it, then hides it; Close takes it away too.
    const key = await shortcutKeys();
    screen.press(key);
    await waitFor(() => cardName(site), (name) => name === `Signs of Python: ${FLASK}`, 'the detection card from the shortcut');
    screen.press(key);
    await waitFor(() => cardHosts(site), (n) => n === 0, 'the card hidden by the shortcut');
    screen.press(key);
    await waitFor(() => cardName(site), (name) => name === `Signs of Python: ${FLASK}`, 'the card again');
    await site.evaluate(() => document.querySelector('python-inside')!.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click(), null);
    await waitFor(() => cardHosts(site), (n) => n === 0, 'the card gone after Close');
    expect(await cardsEverOn(site.page())).toBe(3); // one at a time, each asked for
    await site.close();
  });

  it('turned off, neither the shortcut nor the popup brings a card on the Flask page', async () => {
    await switchDetection(options, 'Detection is off.');
    const site = await driver.openTab();
    await site.goto(page);
    await site.bringToFront();
    screen.press(await shortcutKeys());
    await new Promise((r) => setTimeout(r, 1500)); // nothing is to come: the time a card took above, and more
    expect(await cardHosts(site)).toBe(0);
    // The extension no longer sees the site at all; the popup for the newest tab says where to turn detection on.
    expect(await tabShowing(page)).toBeNull();
    const newest = await options.evaluate(async () => Math.max(...(await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({})).map((t) => t.id ?? -1)), null);
    const popup = await popupFor(newest);
    expect(await popup.evaluate(() => document.querySelector('.pi-detection-hint')?.textContent ?? '', null)).toContain('turn on detection in the options');
    expect(await popup.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Show on page'), null)).toBe(false);
    await popup.close();
    await site.close();
  });

  it('the extension made no request to the server: its log has the page and the browser\'s own favicon, nothing else', () => {
    const paths = [...server.output().matchAll(/"(?:GET|POST|HEAD|PUT|DELETE|OPTIONS) (\S+) HTTP/g)].map((m) => m[1]);
    expect(paths.filter((p) => p === '/').length).toBeGreaterThan(2); // this suite's and Firefox's loads of the page
    expect(paths.filter((p) => p !== '/' && p !== '/favicon.ico')).toEqual([]);
  });
});
