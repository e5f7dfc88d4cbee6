// The in-page card in real Chromium, on routed copies of the covered sites.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { card, extensionPage, PROFILES, setSettings, showFullProfile, tabIdOf, useExtension, type Harness } from './harness';

const harness = useExtension();
let h: Harness;
let page: Page;

beforeEach(async () => {
  h = harness();
  page = await h.context.newPage();
});

const host = (page: Page) => page.locator('python-inside');

describe('the card appears on covered sites', () => {
  it.each([
    ['https://www.youtube.com/', 'YouTube'],
    ['https://www.dropbox.com/', 'Dropbox'],
    ['https://www.instagram.com/', 'Instagram'],
    ['https://www.spotify.com/', 'Spotify'],
    ['https://www.reddit.com/', 'Reddit'],
    ['https://www.nasa.gov/', 'NASA'],
    ['https://www.google.com/', 'Google'],
    ['https://www.uber.com/', 'Uber'],
    ['https://www.netflix.com/', 'Netflix'],
    ['https://youtu.be/dQw4w9WgXcQ', 'YouTube'],
    ['https://music.youtube.com/', 'YouTube'],
    ['https://open.spotify.com/', 'Spotify'],
    ['https://old.reddit.com/r/python', 'Reddit'],
    ['https://www.jpl.nasa.gov/', 'NASA'],
    ['https://www.google.co.uk/', 'Google'],
    ['https://www.google.de/search?q=python', 'Google'],
  ])('%s → Python at %s', async (url, name) => {
    await page.goto(url);
    const region = card(page, name);
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect(region.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(name);
    expect(await region.getByRole('button', { name: 'Close' }).isVisible()).toBe(true);
    expect(await region.getByRole('button', { name: "Don't show on this site" }).isVisible()).toBe(true);
    // It opens as a digest; everything, sources included, is one button away.
    expect(await region.locator('.pi-sources').count()).toBe(0);
    await showFullProfile(region, (button) => button.filter({ hasText: /^Show all \d+ uses and \d+ sources$/ }).click());
    // Sources open in a new tab without handing the site a reference to the page.
    const links = region.locator('.pi-sources a');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute('target')).toBe('_blank');
    expect(await links.first().getAttribute('rel')).toBe('noopener noreferrer');
    expect(await host(page).count()).toBe(1);
  });
});

describe('nowhere else', () => {
  it.each(['https://example.org/', 'https://notyoutube.com/', 'https://youtube.com.example.org/'])('no card on %s', async (url) => {
    await page.goto(url);
    await page.waitForTimeout(1_500);
    expect(await host(page).count()).toBe(0);
    // Positive control in the same tab: a covered page does get the card, so the wait above was long enough.
    await page.goto('https://www.youtube.com/');
    await expect.poll(() => card(page, 'YouTube').isVisible(), { timeout: 10_000 }).toBe(true);
  });
});

describe("not on customers' pages under a company's domain", () => {
  const badgeOf = (tabId: number) => h.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  it("a SharePoint tenant's site has no card and no badge; Microsoft's own site, in the same tab, has both", async () => {
    await page.goto('https://contoso.sharepoint.com/sites/team');
    const tab = await tabIdOf(h, page);
    await page.waitForTimeout(1_500);
    expect(await host(page).count()).toBe(0);
    expect(await badgeOf(tab)).toBe('');
    await page.goto('https://www.microsoft.com/');
    await expect.poll(() => card(page, 'Microsoft').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await badgeOf(tab)).toBe('Py');
  });
});

describe('behaviour on the page', () => {
  it('is isolated from the page CSS, fixed in a corner, and does not take focus', async () => {
    await page.goto('https://www.youtube.com/');
    await page.locator('#site-search').focus();
    const region = card(page, 'YouTube');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    const heading = region.getByRole('heading', { level: 2 });
    expect(await heading.evaluate((el) => getComputedStyle(el).fontSize)).toBe('18px');
    expect(await heading.evaluate((el) => getComputedStyle(el).fontFamily)).not.toContain('Comic Sans');
    const box = (await region.boundingBox())!;
    expect(box.x + box.width).toBeGreaterThan(1280 - 40);
    expect(box.y + box.height).toBeGreaterThan(800 - 40);
    expect(await region.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  });

  it('Close removes it; Escape closes it when focused', async () => {
    await page.goto('https://www.youtube.com/');
    const region = card(page, 'YouTube');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    await region.getByRole('button', { name: 'Close' }).click();
    expect(await host(page).count()).toBe(0);

    await page.reload();
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    await region.getByRole('button', { name: "Don't show on this site" }).focus();
    await page.keyboard.press('Escape');
    expect(await host(page).count()).toBe(0);
  });

  it('"Don\'t show on this site" turns the site off, survives a reload, and Undo brings it back', async () => {
    await page.goto('https://www.reddit.com/');
    const region = card(page, 'Reddit');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await region.getByRole('button', { name: "Don't show on this site" }).getAttribute('title')).toBe(
      `Turns the card off on all ${PROFILES.find((p) => p.id === 'reddit')!.domains.length} domains of Reddit`,
    );
    await region.getByRole('button', { name: "Don't show on this site" }).click();
    // It says that "this site" is every Reddit domain, before (the button's description) and after.
    const reddit = PROFILES.find((p) => p.id === 'reddit')!;
    await expect.poll(() => region.getByRole('status').filter({ hasText: 'The card is off' }).textContent()).toContain(
      `The card is off for Reddit on all ${reddit.domains.length} of its domains`,
    );

    await page.reload();
    await page.waitForTimeout(1_500);
    expect(await host(page).count()).toBe(0);

    await page.goto('https://old.reddit.com/');
    await page.waitForTimeout(1_000);
    expect(await host(page).count()).toBe(0);
    // Undo from a fresh card elsewhere is the options page's job; here, turn it back on from another tab's card.
    await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0 });
    await page.reload();
    await expect.poll(() => card(page, 'Reddit').isVisible(), { timeout: 10_000 }).toBe(true);
    await card(page, 'Reddit').getByRole('button', { name: "Don't show on this site" }).click();
    await card(page, 'Reddit').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => card(page, 'Reddit').getByRole('heading', { level: 2 }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => card(page, 'Reddit').isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it('shows once per site per browser session by default, and single-page navigation never re-shows it', async () => {
    await setSettings(h, { showMode: 'once-per-session', autoHideSeconds: 0 });
    await page.goto('https://www.youtube.com/');
    const region = card(page, 'YouTube');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    await region.getByRole('button', { name: 'Close' }).click();

    // YouTube-style navigation: history changes, no document load.
    await page.evaluate(() => history.pushState({}, '', '/watch?v=abc'));
    await page.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')));
    await page.waitForTimeout(1_000);
    expect(await host(page).count()).toBe(0);

    await page.goto('https://m.youtube.com/');
    await page.waitForTimeout(1_500);
    expect(await host(page).count()).toBe(0);

    // Another site still gets its first showing.
    await page.goto('https://open.spotify.com/');
    await expect.poll(() => card(page, 'Spotify').isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it('closes after the chosen time when set to make room by closing', async () => {
    await setSettings(h, { showMode: 'every-load', autoHideSeconds: 10, makeRoomBy: 'close' });
    await page.goto('https://www.uber.com/');
    await expect.poll(() => card(page, 'Uber').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.mouse.move(5, 5); // pointer away from the card
    await expect.poll(() => host(page).count(), { timeout: 20_000, interval: 500 }).toBe(0);
  });

  it('follows the chosen corner and, with reduced motion, appears without animating', async () => {
    await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0, position: 'top-left' });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('https://www.netflix.com/');
    const region = card(page, 'Netflix');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await region.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    const box = (await region.boundingBox())!;
    expect([box.x, box.y]).toEqual([16, 16]);
  });

  it('makes no network request of its own', async () => {
    h.requests.length = 0;
    await page.goto('https://www.instagram.com/');
    await expect.poll(() => card(page, 'Instagram').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(500);
    expect(h.requests).toEqual(['https://www.instagram.com/']);
  });
});

/** The box of an element of the card, in viewport pixels, and whether all of it is inside the viewport. */
async function inViewport(page: Page, what: ReturnType<Page['locator']>) {
  const box = (await what.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  return { box, inside: box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height };
}

/** A real mouse click at the middle of an element (hit-tested by the browser, unlike element.click()). */
async function mouseClick(page: Page, what: ReturnType<Page['locator']>) {
  const box = (await what.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describe('above a modal dialog of the page', () => {
  const dialogOpen = () => page.evaluate(() => document.querySelector('dialog')!.open);
  const showModal = () => page.evaluate(() => document.querySelector('dialog')!.showModal());

  it.each([
    ['before', '?open'],
    ['after', ''],
  ])('opened %s the card appears: a real click on × closes the card, the dialog stays open and usable', async (when, query) => {
    await page.goto(`https://www.youtube.com/hostile/modal-dialog${query}`);
    const region = card(page, 'YouTube');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    if (when === 'after') await showModal();
    expect(await dialogOpen()).toBe(true);
    // The page's own dialog still takes real clicks while the card is there.
    await mouseClick(page, page.locator('#dialog-button'));
    expect(await page.evaluate(() => (window as unknown as { dialogClicks: number }).dialogClicks)).toBe(1);
    await mouseClick(page, region.getByRole('button', { name: 'Close' }));
    await expect.poll(() => host(page).count()).toBe(0);
    expect(await dialogOpen()).toBe(true);
  });

  it('by keyboard: Tab leads from the dialog into the card, and Escape there closes the card, not the dialog', async () => {
    await page.goto('https://www.youtube.com/hostile/modal-dialog');
    const region = card(page, 'YouTube');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    await showModal();
    const inCard = () => page.evaluate(() => document.querySelector('python-inside')?.shadowRoot?.activeElement?.tagName ?? null);
    for (let i = 0; i < 6 && !(await inCard()); i++) await page.keyboard.press('Tab');
    expect(await inCard()).toBe('BUTTON');
    await page.keyboard.press('Escape');
    await expect.poll(() => host(page).count()).toBe(0);
    expect(await dialogOpen()).toBe(true);
  });

  it('when the dialog closes, the card is back on the page and still works', async () => {
    await page.goto('https://www.youtube.com/hostile/modal-dialog?open');
    const region = card(page, 'YouTube');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    await page.evaluate(() => document.querySelector('dialog')!.close());
    expect(await page.evaluate(() => document.querySelector('python-inside')?.parentElement?.tagName)).toBe('HTML');
    await showFullProfile(region, (button) => mouseClick(page, button));
    expect(await region.locator('.pi-sources').count()).toBe(1);
    // A second modal dialog later: reachable again.
    await showModal();
    await mouseClick(page, region.getByRole('button', { name: 'Close' }));
    await expect.poll(() => host(page).count()).toBe(0);
  });
});

describe('the compact form', () => {
  const tab = () => card(page, 'Uber').getByRole('button', { name: 'Uber' });
  const clicks = () => page.evaluate(() => (window as unknown as { clicks: string[] }).clicks);

  it('shrinks to a small tab at the side after the set time, freeing the corner for the page; the tab opens it again', async () => {
    await setSettings(h, { showMode: 'every-load', autoHideSeconds: 5, makeRoomBy: 'collapse' });
    await page.goto('https://www.uber.com/hostile/corner-controls');
    const region = card(page, 'Uber');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    // While the card is open it covers the cookie banner's "Accept all": a click there lands on the card.
    await page.mouse.move(5, 5);
    await mouseClick(page, page.locator('#accept-all'));
    expect(await clicks()).toEqual([]);
    await page.mouse.move(5, 5); // away again: the countdown waits while the pointer is on the card
    await expect.poll(() => tab().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await region.getByRole('heading', { level: 2 }).count()).toBe(0);
    expect(await tab().getAttribute('aria-expanded')).toBe('false');
    const { box } = await inViewport(page, region);
    expect(box.width * box.height).toBeLessThan(200 * 48);
    // The page's corner controls take real clicks again.
    await mouseClick(page, page.locator('#accept-all'));
    await mouseClick(page, page.locator('#chat'));
    expect(await clicks()).toEqual(['accept-all', 'chat']);
    // The tab stays (no further timer) and opens the card again.
    await mouseClick(page, tab());
    await expect.poll(() => region.getByRole('heading', { level: 2 }).textContent()).toBe('Uber');
    expect(await region.getByRole('button', { name: 'Shrink to a tab' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shrinks and opens on request, by keyboard, with focus kept on the control that toggles it', async () => {
    await page.goto('https://www.uber.com/');
    const region = card(page, 'Uber');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    await region.getByRole('button', { name: 'Shrink to a tab' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tab().isVisible()).toBe(true);
    expect(await tab().evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await tab().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(() => region.getByRole('heading', { level: 2 }).isVisible()).toBe(true);
    const shrink = region.getByRole('button', { name: 'Shrink to a tab' });
    expect(await shrink.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    // Escape closes it from either form.
    await page.keyboard.press('Enter');
    await expect.poll(() => tab().isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => host(page).count()).toBe(0);
  });
});

describe('placement under page zoom and in small windows', () => {
  const expectReachable = async (region: ReturnType<Page['locator']>) => {
    for (const part of [region.getByRole('heading', { level: 2 }), region.getByRole('button', { name: 'Close' })]) {
      const { box, inside } = await inViewport(page, part);
      expect(inside, JSON.stringify(box)).toBe(true);
    }
  };

  it.each(['zoom-html', 'zoom-body'])('%s: the card keeps its size and its corner, inside the viewport', async (fixture) => {
    await page.goto(`https://www.netflix.com/hostile/${fixture}`);
    const region = card(page, 'Netflix');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    const { box, inside } = await inViewport(page, region);
    expect(inside, JSON.stringify(box)).toBe(true);
    expect(Math.round(box.width)).toBe(380);
    expect(Math.round(box.x + box.width)).toBe(1280 - 16);
    expect(Math.round(box.y + box.height)).toBe(800 - 16);
    await expectReachable(region);
    expect(await region.getByRole('heading', { level: 2 }).evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(30);
    await mouseClick(page, region.getByRole('button', { name: 'Close' }));
    await expect.poll(() => host(page).count()).toBe(0);
  });

  it.each([
    [360, 480],
    [320, 240],
  ])('at %i×%i the heading and Close stay in view, and the full profile scrolls inside the card', async (width, height) => {
    for (const position of ['bottom-right', 'top-left']) {
      await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0, position });
      await page.setViewportSize({ width, height });
      await page.goto('https://www.google.com/');
      const region = card(page, 'Google');
      await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
      await expectReachable(region);
      await showFullProfile(region);
      await expectReachable(region);
      const { box, inside } = await inViewport(page, region);
      expect(inside, `${position} ${JSON.stringify(box)}`).toBe(true);
      const scroller = region.getByRole('group', { name: 'All about Google' });
      expect(await scroller.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
      // The last source can be scrolled to and read inside the card.
      const last = region.locator('.pi-sources li').last();
      await last.scrollIntoViewIfNeeded();
      expect((await inViewport(page, last)).inside).toBe(true);
    }
  });

  it('browser zoom at 300% (a 427×267 window in CSS pixels): heading and Close in view', async () => {
    await page.goto('https://www.nasa.gov/');
    const region = card(page, 'NASA');
    await expect.poll(() => region.isVisible(), { timeout: 10_000 }).toBe(true);
    const tab = await tabIdOf(h, page);
    await h.worker.evaluate((tabId) => chrome.tabs.setZoom(tabId, 3), tab);
    await expect.poll(() => page.evaluate(() => Math.floor(innerWidth))).toBe(426);
    await showFullProfile(region);
    for (const part of [region.getByRole('heading', { level: 2 }), region.getByRole('button', { name: 'Close' })]) {
      const box = await part.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      const [w, h] = await page.evaluate(() => [innerWidth, innerHeight]);
      expect(box.left >= 0 && box.top >= 0 && box.right <= w! && box.bottom <= h!, JSON.stringify(box)).toBe(true);
    }
  });
});

describe('the theme', () => {
  /** The card's background as a luminance from 0 (black) to 1 (white). */
  const cardLuminance = (name: string) =>
    card(page, name).evaluate((el) => {
      const [r, g, b] = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)!.map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    });

  it.each([
    ['dark-background', 'light', 'dark'],
    ['dark-scheme', 'light', 'dark'],
    ['light-scheme', 'dark', 'light'],
    ['', 'dark', 'light'], // no colour of its own: the browser's white canvas
  ] as const)('matches the page by default: %s on a %s system gets a %s card', async (fixture, system, expected) => {
    await page.emulateMedia({ colorScheme: system });
    await page.goto(`https://www.reddit.com/${fixture ? `hostile/${fixture}` : ''}`);
    await expect.poll(() => card(page, 'Reddit').isVisible(), { timeout: 10_000 }).toBe(true);
    const luminance = await cardLuminance('Reddit');
    if (expected === 'dark') expect(luminance).toBeLessThan(0.2);
    else expect(luminance).toBeGreaterThan(0.9);
  });

  it.each([
    ['light', 'dark-background', 'dark', 'light'],
    ['dark', '', 'light', 'dark'],
    ['system', 'dark-background', 'light', 'light'],
    ['system', '', 'dark', 'dark'],
  ] as const)('theme "%s" on %s, %s system: a %s card', async (theme, fixture, system, expected) => {
    await setSettings(h, { showMode: 'every-load', autoHideSeconds: 0, theme });
    await page.emulateMedia({ colorScheme: system });
    await page.goto(`https://www.reddit.com/${fixture ? `hostile/${fixture}` : ''}`);
    await expect.poll(() => card(page, 'Reddit').isVisible(), { timeout: 10_000 }).toBe(true);
    const luminance = await cardLuminance('Reddit');
    if (expected === 'dark') expect(luminance).toBeLessThan(0.2);
    else expect(luminance).toBeGreaterThan(0.9);
  });

  it('a theme chosen in options applies to a card already on the page', async () => {
    await page.goto('https://www.reddit.com/');
    await expect.poll(() => card(page, 'Reddit').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await cardLuminance('Reddit')).toBeGreaterThan(0.9);
    const options = await h.context.newPage();
    await options.goto(extensionPage(h, 'options.html'));
    await options.getByRole('combobox', { name: 'Colours' }).selectOption('dark');
    await expect.poll(() => cardLuminance('Reddit')).toBeLessThan(0.2);
  });
});
