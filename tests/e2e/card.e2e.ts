// The in-page card in real Chromium, on routed copies of the covered sites.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { card, setSettings, useExtension, type Harness } from './harness';

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
    await region.getByRole('button', { name: /^Show all \d+ uses and \d+ sources$/ }).click();
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
    await region.getByRole('button', { name: "Don't show on this site" }).click();
    await expect.poll(() => region.getByRole('status').filter({ hasText: 'The card is off' }).textContent()).toContain('The card is off for Reddit');

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

  it('auto-hides after the chosen time', async () => {
    await setSettings(h, { showMode: 'every-load', autoHideSeconds: 10 });
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
