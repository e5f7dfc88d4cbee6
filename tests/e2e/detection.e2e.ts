/**
 * Detection on any site, end to end in Chromium: the options switch asks the browser for access (answered in the
 * browser's real prompt), fixture pages for several Python technologies then show their detections and
 * evidence in the popup, and on request (the popup's "Show on page", the keyboard shortcut pressed on a real
 * keyboard) in a card on the page that looks and goes like the profile card; a plain page shows none, and with
 * the permission refused or given back nothing runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture, type DetectionFixture } from '../fixtures/detection-fixtures';
import { violations } from './axe';
import { DETECTION_ORIGINS } from '../../data/detection/origins';
import { assignedKey, focused } from './card-keyboard';
import { allowDetection, DETECTION_SWITCH, detectionGranted, switchDetection } from './detection-grant';
import { card, extensionPage, launchExtension, madeByPage, setSettings, tabIdOf, type Harness } from './harness';
import { startVirtualDisplay, type VirtualDisplay } from './virtual-display';
import { waitFor } from './wait-until';

let h: Harness;
let screen: VirtualDisplay;
let proxy: Server;
let profileDir: string;

/** Chromium on the virtual display, through the local proxy, with one profile kept across restarts. */
async function launch(): Promise<Harness> {
  const { port } = proxy.address() as AddressInfo;
  h = await launchExtension({ display: screen.display, args: [`--proxy-server=http://127.0.0.1:${port}`], httpOverNetwork: true, profileDir });
  await routeFixtures();
  // Cookies without an expiry end with the browser: set them again for the pages served so far.
  for (const fixture of served.values()) await serve(fixture);
  return h;
}
const served = new Map<string, DetectionFixture>();
const overNetwork = new Map<string, DetectionFixture>();

/**
 * Response headers reach the extension through webRequest, which sees only responses that really came over a
 * connection (not ones the test driver makes up). So pages whose headers matter are served over plain HTTP by
 * this local server, which Chromium uses as its proxy: still no network beyond this machine.
 */
function startProxy(): Promise<Server> {
  const server = createServer((request, response) => {
    const fixture = overNetwork.get(request.url ?? '');
    if (!fixture) {
      // Only the pages' own subresources come here; requests by the extension are caught by the route below.
      return void response.writeHead(404).end();
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...fixture.headers }).end(fixture.html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The fixture at the http:// form of its URL, served over a real connection with its headers. */
function overHttp(fixture: DetectionFixture): DetectionFixture {
  const http = { ...fixture, url: fixture.url.replace(/^https:/, 'http:') };
  overNetwork.set(http.url, http);
  return http;
}
/** Requests made by anything but a web page (an extension page or worker): there must be none. */
const extensionRequests: string[] = [];

/** Serves a fixture at its own URL, with its response headers and the cookies its page can read. */
async function serve(fixture: DetectionFixture) {
  served.set(fixture.url, fixture);
  if (fixture.cookies.length) await h.context.addCookies(fixture.cookies.map((name) => ({ name, value: 'fixture-value', url: fixture.url })));
}

/**
 * Fixture pages at their URLs; their own stylesheets and scripts (real pages have them) are refused, as are
 * any requests from the extension, which are also recorded. Registered after the harness's route, so it wins.
 */
async function routeFixtures() {
  await h.context.route(/^https:\/\//, (route) => {
    const request = route.request();
    const fixture = served.get(request.url());
    if (fixture) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture.html, headers: fixture.headers });
    if (request.isNavigationRequest()) return route.fallback();
    if (!madeByPage(request)) extensionRequests.push(request.url());
    return route.abort();
  });
}

const granted = () => detectionGranted(h);
const badgeOf = (tabId: number) => h.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/**
 * Opens a page and counts the extension worlds created in it (0 means nothing of ours ran there), and lists the
 * extension's script files that ran in it (the detector runs functions; a card is a file: /detection-card.js).
 */
async function visit(fixture: DetectionFixture): Promise<{ page: Page; tabId: number; worlds: () => number; files: () => string[] }> {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  let worlds = 0;
  const files: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (e.context.origin.startsWith('chrome-extension://')) worlds++;
  });
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith('chrome-extension://')) files.push(new URL(e.url).pathname);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  // Without access to the site the extension cannot see the tab's URL, so the tab is found as the newest one.
  const tabId = await h.worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)));
  await page.goto(fixture.url, { waitUntil: 'load' });
  return { page, tabId, worlds: () => worlds, files: () => [...files] };
}

/** The detection card on a page, by its accessible name (the toolbar tooltip's: "Signs of Python: Django, ..."). */
const detectionCard = (page: Page) => page.getByRole('region', { name: /^Signs of Python: / });
/** Card hosts on the page, of either card: one at most, and none before one is asked for. */
const cardHosts = (page: Page) => page.locator('python-inside, [data-python-inside]').count();

/** How a card looks and where it sits, as a person sees it: its box against the window, colours, type, its bar. */
const cardLook = (page: Page) =>
  page.evaluate(() => {
    const region = document.querySelector('python-inside, [data-python-inside]')!.shadowRoot!.querySelector('[role="region"]')!;
    const box = region.getBoundingClientRect();
    const style = getComputedStyle(region);
    // Against the window without its scrollbars (a long page has one), where the card's corner is.
    const { clientWidth, clientHeight } = document.documentElement;
    return {
      width: box.width,
      fromRight: clientWidth - box.right,
      fromBottom: clientHeight - box.bottom,
      ...Object.fromEntries(['backgroundColor', 'color', 'borderTop', 'borderRadius', 'boxShadow', 'font', 'position'].map((p) => [p, style.getPropertyValue(p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))])),
      bar: [...region.querySelectorAll('.pi-bar > *')].map((el) => el.getAttribute('aria-label') ?? el.textContent),
    };
  });

/** The evidence lines a list shows for a technology, as text. */
const evidenceLines = (root: ReturnType<Page['locator']>, name: string) => root.getByRole('list', { name: `Evidence for ${name}` }).getByRole('listitem').allTextContents();

/** Opens a covered site and waits for its card and its "Py" badge, as the user sees them. */
async function visitCovered(url: string, company: string): Promise<{ page: Page; tabId: number }> {
  const page = await h.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await expect.poll(() => card(page, company).isVisible(), { timeout: 10_000 }).toBe(true);
  const tabId = await tabIdOf(h, page);
  await expect.poll(() => badgeOf(tabId)).toBe('Py');
  return { page, tabId };
}

/** The popup for that tab, as the toolbar button would open it. */
async function popupFor(tabId: number): Promise<Page> {
  const popup = await h.context.newPage();
  await popup.goto(extensionPage(h, `popup.html?tab=${tabId}`));
  return popup;
}

beforeAll(async () => {
  screen = await startVirtualDisplay();
  proxy = await startProxy();
  profileDir = await mkdtemp(join(tmpdir(), 'python-inside-detection-'));
  h = await launch();
  await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0 });
}, 60_000);

afterAll(async () => {
  await h?.close();
  screen?.close();
  proxy?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
  // Privacy: the fixture pages' own subresources are theirs; the extension must not have requested anything.
  if (extensionRequests.length) throw new Error(`Requests made by the extension: ${extensionRequests.join(', ')}`);
});

const django = overHttp(readFixture('python', 'django-admin-login'));
const gunicorn = overHttp(readFixture('python', 'gunicorn-plain'));
const plain = readFixture('not-python', 'wordpress-blog');

describe('detection is off until the user turns it on', () => {
  it('ships without access to other sites, and injects nothing on a Python page', async () => {
    await serve(django);
    expect(await granted()).toBe(false);
    const { page, tabId, worlds } = await visit(django);
    await page.waitForTimeout(1500);
    expect(worlds()).toBe(0);
    expect(await badgeOf(tabId)).toBe('');
    const popup = await popupFor(tabId);
    await expect.poll(() => popup.locator('.pi-detection-hint').textContent()).toContain('turn on detection in the options');
    expect(await popup.locator('.pi-detection').count()).toBe(0);
    await Promise.all([page.close(), popup.close()]);
  });

  it('explains what it reads, and stays off when the browser prompt is declined', async () => {
    const options = await h.context.newPage();
    await options.goto(extensionPage(h, 'options.html'));
    const panel = options.getByRole('region', { name: 'Detect Python on any site' });
    await expect.poll(() => panel.textContent()).toContain('never their values');
    expect(await panel.textContent()).toContain('Nothing leaves your browser');
    expect(await panel.textContent()).toMatch(/response headers of the page itself: .*Server/);
    await switchDetection(options, screen, 'deny');
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('The browser did not grant access to all sites, so detection stays off.');
    expect(await panel.getByRole('checkbox').isChecked()).toBe(false);
    expect(await granted()).toBe(false);
    await options.close();
  });
});

describe('with detection turned on', () => {
  beforeAll(async () => {
    const options = await allowDetection(h, screen);
    expect(await options.getByRole('checkbox', { name: DETECTION_SWITCH }).isChecked()).toBe(true);
    await options.close();
    // Chromium delivers webRequest events under a webRequest permission granted at run time only from the next
    // browser start (measured: not after a worker restart). So the browser is restarted here, with the same
    // profile, as the user's would be; everything else works at once, as the tests above the restart show.
    await h.close();
    h = await launch();
  }, 60_000);

  it('finds Django and Gunicorn on an admin login page, with form field, cookie and response header as evidence', async () => {
    const { page, tabId } = await visit(django);
    expect(await waitFor(() => badgeOf(tabId), (t) => t !== '', 'badge')).toBe('Py?');
    const title = await h.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(title).toMatch(/^Signs of Python: .*Django/);
    const popup = await popupFor(tabId);
    const report = popup.getByRole('region', { name: 'Signs of Python on this site' });
    await report.waitFor();
    const djangoItem = report.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: 'Django' }) });
    expect(await djangoItem.getByText('High confidence').count()).toBe(1);
    const evidence = await djangoItem.getByRole('list', { name: 'Evidence for Django' }).getByRole('listitem').allTextContents();
    expect(evidence).toContain('form field csrfmiddlewaretoken');
    expect(evidence).toContain('cookie csrftoken');
    const gunicornItem = report.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: 'Gunicorn' }) });
    expect(await gunicornItem.getByRole('list', { name: 'Evidence for Gunicorn' }).textContent()).toContain('response header Server: gunicorn');
    // The card stays for curated sites: nothing was drawn on this page.
    expect(await page.locator('python-inside, [data-python-inside]').count()).toBe(0);
    // The report is as accessible as the rest of the popup, in both themes.
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await violations(popup), colorScheme).toEqual([]);
    }
    await Promise.all([page.close(), popup.close()]);
  });

  it('shows what was found in a card on the page only when asked: "Show on page", then the shortcut; it looks and goes like the profile card', async () => {
    const { page, tabId, files } = await visit(django);
    await waitFor(() => badgeOf(tabId), (t) => t === 'Py?', 'badge');
    const popup = await popupFor(tabId);
    const report = popup.getByRole('region', { name: 'Signs of Python on this site' });
    await report.waitFor();
    // Detection has run and its report is up: still nothing of a card in the page, and no card script ran there.
    expect(await cardHosts(page)).toBe(0);
    expect(files()).toEqual([]);

    await popup.getByRole('button', { name: 'Show on page' }).click();
    const onPage = detectionCard(page);
    await expect.poll(() => onPage.isVisible(), { timeout: 10_000 }).toBe(true);
    await popup.close().catch(() => undefined); // the popup closes itself once the card is shown
    // Its own script, not the profile card's.
    expect(files()).toEqual(['/detection-card.js']);
    expect(await onPage.getAttribute('aria-label')).toBe(await h.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId));
    expect(await onPage.getByRole('heading', { level: 2 }).textContent()).toBe('Signs of Python on this site');
    expect(await onPage.getByRole('link', { name: 'Django' }).getAttribute('href')).toBe('https://www.djangoproject.com/');
    expect(await onPage.getByRole('link', { name: 'Gunicorn' }).getAttribute('href')).toBe('https://gunicorn.org/');
    expect(await onPage.getByText('High confidence').count()).toBeGreaterThan(0);
    // Every piece of evidence, as the popup words it.
    const popupAgain = await popupFor(tabId);
    const reportAgain = popupAgain.getByRole('region', { name: 'Signs of Python on this site' });
    await reportAgain.waitFor();
    for (const name of ['Django', 'Gunicorn']) {
      const lines = await evidenceLines(onPage, name);
      expect(lines.length, name).toBeGreaterThan(0);
      expect(lines, name).toEqual(await evidenceLines(reportAgain, name));
    }
    await popupAgain.close();

    // The same look and corner as the profile card on a covered site.
    const covered = await visitCovered('https://www.youtube.com/', 'YouTube');
    const profileLook = await cardLook(covered.page);
    expect({ ...(await cardLook(page)), bar: null }).toEqual({ ...profileLook, bar: null });
    expect((await cardLook(page)).bar).toEqual(profileLook.bar); // Python Inside, Shrink to a tab, Close
    await covered.page.close();

    // It took the keyboard as it opened; Escape closes it, as it does the profile card.
    await page.bringToFront();
    expect(await focused(page)).toMatch(/^card:Signs of Python: /);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardHosts(page)).toBe(0);

    // The shortcut, pressed on a real keyboard: shows it with the keyboard in it, and hides it giving focus back.
    await page.locator('#id_username').focus();
    const key = await assignedKey(h);
    screen.press(key);
    await expect.poll(() => onPage.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await focused(page)).toMatch(/^card:Signs of Python: /);
    screen.press(key);
    await expect.poll(() => cardHosts(page)).toBe(0);
    expect(await focused(page)).toBe('page:id_username');

    // Accessible as the profile card is, in both colour themes (a settings change reaches the card while it shows).
    screen.press(key);
    await expect.poll(() => onPage.isVisible(), { timeout: 10_000 }).toBe(true);
    for (const theme of ['dark', 'light'] as const) {
      await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0, theme });
      await expect.poll(() => onPage.getAttribute('class')).toContain(`pi-scheme-${theme}`);
      expect(await violations(page, 'python-inside'), theme).toEqual([]);
    }
    // Its Close button; one card at a time throughout.
    expect(await cardHosts(page)).toBe(1);
    await onPage.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => cardHosts(page)).toBe(0);
    await page.close();
  });

  // Several kinds of evidence, each read where it lives and told as a person can check it: the page's own
  // JavaScript world (Gradio), an element by its tag and identifying attribute (Jupyter, Dash), the site's address
  // and a cookie (Streamlit), headers (Uvicorn).
  it.each([
    ['gradio-app', 'Gradio', 'JavaScript global gradio_config', ''],
    ['gradio-app', 'Uvicorn', 'response header Server: uvicorn', 'uvicorn'],
    ['jupyterlab-tree', 'Jupyter', 'page element <script id="jupyter-config-data">', ''],
    ['streamlit-app', 'Streamlit', 'site address sales-forecast-demo.streamlit.app', 'streamlit.app'],
    ['streamlit-app', 'Streamlit', 'cookie _streamlit_xsrf', ''],
    ['dash-app', 'Dash', 'page element <script id="_dash-config">', ''],
  ])('on %s: %s, with "%s" (marked: "%s")', async (name, tech, line, marked) => {
    const fixture = tech === 'Uvicorn' ? overHttp(readFixture('python', name)) : readFixture('python', name);
    await serve(fixture);
    const { page, tabId } = await visit(fixture);
    await waitFor(() => badgeOf(tabId), (t) => t === 'Py?', 'badge');
    const popup = await popupFor(tabId);
    const list = popup.getByRole('list', { name: `Evidence for ${tech}` });
    await list.waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toContain(line);
    // The part of it the rule looked for is marked, when it is only a part.
    const item = list.getByRole('listitem').filter({ hasText: line });
    expect(await item.locator('mark').allTextContents()).toEqual(marked ? [marked] : []);
    await Promise.all([page.close(), popup.close()]);
  });

  it('finds a server from its response header alone', async () => {
    await serve(gunicorn);
    const { page, tabId } = await visit(gunicorn);
    await waitFor(() => badgeOf(tabId), (t) => t === 'Py?', 'badge');
    const popup = await popupFor(tabId);
    await popup.getByRole('heading', { name: 'Gunicorn' }).waitFor();
    expect(await popup.locator('.pi-detection h3').allTextContents()).toEqual(['Gunicorn']);
    await Promise.all([page.close(), popup.close()]);
  });

  it('names the cookies the server sets, HttpOnly ones the page cannot see included, and keeps no value', async () => {
    // Django behind Gunicorn as a browser first meets it: the response sets its session and CSRF cookies.
    const loggedIn = overHttp({
      ...gunicorn,
      url: `${gunicorn.url}account/`,
      // Two Set-Cookie headers (node's writeHead takes a list for one name), the session cookie HttpOnly.
      headers: { ...gunicorn.headers, 'set-cookie': ['csrftoken=t0ken-value; Path=/', 'sessionid=s3ssion-value; HttpOnly; Path=/'] as unknown as string },
    });
    const { page, tabId } = await visit(loggedIn);
    await waitFor(() => badgeOf(tabId), (t) => t === 'Py?', 'badge');
    expect(await page.evaluate(() => document.cookie)).not.toContain('sessionid');
    const popup = await popupFor(tabId);
    const list = popup.getByRole('list', { name: 'Evidence for Django' });
    await list.waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual(['cookie csrftoken', 'cookie sessionid']);
    const stored = JSON.stringify(await h.worker.evaluate(() => chrome.storage.session.get(null)));
    for (const value of ['s3ssion-value', 't0ken-value']) expect(stored).not.toContain(value);
    // Those cookies would go with every later request to that host: the other tests' pages there have none.
    await h.context.clearCookies({ domain: new URL(loggedIn.url).hostname });
    await Promise.all([page.close(), popup.close()]);
  });

  it('shows nothing on a page without Python, and says so', async () => {
    await serve(plain);
    const { page, tabId, worlds } = await visit(plain);
    const popup = await waitFor(
      async () => {
        const p = await popupFor(tabId);
        const text = await p.locator('.pi-detection-hint').textContent();
        if (text?.includes('No signs')) return p;
        await p.close();
        return null;
      },
      (p) => p !== null,
      'popup saying nothing was found',
    );
    expect(worlds()).toBeGreaterThan(0); // it did look
    expect(await badgeOf(tabId)).toBe('');
    expect(await popup!.locator('.pi-detection').count()).toBe(0);
    await Promise.all([page.close(), popup!.close()]);
  });

  it('forgets a page\'s findings when the tab moves on', async () => {
    const { page, tabId } = await visit(django);
    await waitFor(() => badgeOf(tabId), (t) => t === 'Py?', 'badge');
    await page.goto(plain.url, { waitUntil: 'load' });
    await waitFor(() => badgeOf(tabId), (t) => t === '', 'badge cleared after navigating');
    const popup = await popupFor(tabId);
    await expect.poll(() => popup.locator('.pi-detection-hint').textContent()).toMatch(/No signs|not been checked/);
    expect(await popup.locator('.pi-detection').count()).toBe(0);
    await Promise.all([page.close(), popup.close()]);
  });

  // Issue 13: turning detection off once took the covered sites' access with it (Chromium's permissions.remove
  // also drops every granted host that the removed pattern contains), so they showed nothing until a restart.
  it('gives back only its own access when turned off: covered sites keep card and badge at once, nothing runs elsewhere', async () => {
    const required = await h.worker.evaluate(() => chrome.runtime.getManifest().host_permissions ?? []);
    expect(required.length).toBeGreaterThan(0);
    const held = async () => {
      const { origins = [], permissions = [] } = await h.worker.evaluate(() => chrome.permissions.getAll());
      return { origins: [...origins].sort(), permissions };
    };
    expect((await held()).origins).toEqual([...required, ...DETECTION_ORIGINS].sort());
    // A covered site already open when detection goes off (positive control: card and badge now).
    const alreadyOpen = await visitCovered('https://www.youtube.com/', 'YouTube');

    const options = await h.context.newPage();
    await options.goto(extensionPage(h, 'options.html'));
    await switchDetection(options, screen, 'none');
    await waitFor(granted, (g) => !g, 'access removed');
    await expect.poll(() => options.getByRole('region', { name: 'Detect Python on any site' }).getByRole('status').textContent()).toBe('Detection is off.');

    // Same browser, no restart: exactly the manifest's host access is left, and no webRequest.
    expect(await held()).toEqual({ origins: [...required].sort(), permissions: expect.not.arrayContaining(['webRequest']) as unknown });
    // Covered sites, new and already open, still get their card and badge.
    const youtube = await visitCovered('https://www.youtube.com/', 'YouTube');
    const reddit = await visitCovered('https://www.reddit.com/', 'Reddit');
    expect(await badgeOf(alreadyOpen.tabId)).toBe('Py');
    await alreadyOpen.page.reload({ waitUntil: 'load' });
    await expect.poll(() => card(alreadyOpen.page, 'YouTube').isVisible(), { timeout: 10_000 }).toBe(true);

    // Everywhere else, detection's access is really gone: no script of ours, no badge, and neither the popup's
    // "Show on page" nor the shortcut brings a card.
    const { page, tabId, worlds } = await visit(django);
    await page.bringToFront();
    screen.press(await assignedKey(h));
    await page.waitForTimeout(1500);
    expect(worlds()).toBe(0);
    expect(await cardHosts(page)).toBe(0);
    expect(await badgeOf(tabId)).toBe('');
    const popup = await popupFor(tabId);
    await expect.poll(() => popup.locator('.pi-detection-hint').textContent()).toContain('turn on detection in the options');
    expect(await popup.getByRole('button', { name: 'Show on page' }).count()).toBe(0);
    await popup.close();
    await Promise.all([page.close(), options.close(), alreadyOpen.page.close(), youtube.page.close(), reddit.page.close()]);
  });
});
