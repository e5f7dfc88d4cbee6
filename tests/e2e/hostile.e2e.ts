// Hostile and unusual pages, in real Chromium: the card keeps its look where it belongs, appears nowhere else,
// and nothing throws, in the page or in the extension.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { card, extensionPage, storedSettings, tabIdOf, useExtension, type Harness } from './harness';

const harness = useExtension();
let h: Harness;
let page: Page;
let pageErrors: string[];
let workerErrors: string[];

beforeEach(async () => {
  h = harness();
  page = await h.context.newPage();
  pageErrors = [];
  workerErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  h.worker.on('console', (m) => m.type() === 'error' && workerErrors.push(m.text()));
});

const visible = (name: string) => expect.poll(() => card(page, name).isVisible(), { timeout: 10_000 }).toBe(true);
const noErrors = () => {
  expect(pageErrors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
  expect(workerErrors).toEqual([]);
};
/** Waits long enough for a card to have arrived if one were coming (the same page elsewhere shows one in < 1 s). */
const settle = () => page.waitForTimeout(1_500);
const hosts = (p: Page) => p.locator('python-inside, [data-python-inside]').count();

describe('hostile CSS', () => {
  it('cannot hide, move, cover or restyle the card', async () => {
    await page.goto('https://www.youtube.com/hostile/css-attack');
    await visible('YouTube');
    const region = card(page, 'YouTube');
    const heading = region.getByRole('heading', { level: 2 });
    expect(await heading.evaluate((el) => getComputedStyle(el).fontSize)).toBe('18px');
    expect(await region.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    // In the viewport's bottom-right corner despite the transformed <html>, and on top of the page's overlay.
    const box = (await region.boundingBox())!;
    expect(box.x + box.width).toBeGreaterThan(1280 - 40);
    expect(box.y + box.height).toBeGreaterThan(800 - 40);
    expect(box.width).toBeGreaterThan(300);
    const onTop = await region.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const root = el.getRootNode() as ShadowRoot;
      return root.elementFromPoint(r.x + r.width / 2, r.y + 20) !== null && el.contains(root.elementFromPoint(r.x + r.width / 2, r.y + 20));
    });
    expect(onTop).toBe(true);
    await region.getByRole('button', { name: 'Close' }).click();
    expect(await hosts(page)).toBe(0);
    noErrors();
  });
});

describe('the page owns or removes the card', () => {
  it('a page that defined <python-inside> itself still gets the card, in a host of ours', async () => {
    await page.goto('https://www.youtube.com/hostile/custom-element');
    await visible('YouTube');
    expect(await page.locator('[data-python-inside]').count()).toBe(1);
    noErrors();
  });

  it('a page that removes the card: no re-insertion, no errors, and the popup still shows the profile', async () => {
    await page.goto('https://www.reddit.com/hostile/remover');
    await settle();
    expect(await page.evaluate(() => (window as unknown as { removals: number }).removals)).toBe(1);
    expect(await hosts(page)).toBe(0);
    const tab = await tabIdOf(h, page);
    const popup = await h.context.newPage();
    await popup.goto(extensionPage(h, `popup.html?tab=${tab}`));
    await expect.poll(() => popup.getByRole('heading', { level: 2 }).first().textContent()).toBe('Reddit');
    await popup.close();
    noErrors();
  });
});

describe('a modal dialog of the page, and what the page does with it', () => {
  const parentOfCard = () => page.evaluate(() => document.querySelector('python-inside')?.parentElement?.tagName ?? null);

  it('removed while open, with the card inside: the card goes back to the page and still works', async () => {
    await page.goto('https://www.youtube.com/hostile/modal-dialog?open');
    await visible('YouTube');
    expect(await parentOfCard()).toBe('DIALOG');
    await page.evaluate(() => document.querySelector('dialog')!.remove());
    await expect.poll(parentOfCard).toBe('HTML');
    await card(page, 'YouTube').getByRole('button', { name: 'Close' }).click(); // a real, hit-tested click
    expect(await hosts(page)).toBe(0);
    noErrors();
  });

  it('the page removes the card from its dialog: it stays removed, and nothing loops', async () => {
    await page.goto('https://www.youtube.com/hostile/modal-dialog?open');
    await visible('YouTube');
    await page.evaluate(() => document.querySelector('python-inside')!.remove());
    await page.evaluate(() => document.querySelector('dialog')!.close());
    await page.evaluate(() => document.querySelector('dialog')!.showModal());
    // A card that put itself back would be there by the next task (mutation observers run at the end of this
    // one), and a card and page removing and re-adding each other would keep the page from answering at all.
    expect(await hosts(page)).toBe(0);
    noErrors();
  });

  it('nested modal dialogs: the card follows the topmost, then back down as they close', async () => {
    await page.goto('https://www.youtube.com/hostile/modal-dialog?open');
    await visible('YouTube');
    await page.evaluate(() => {
      const inner = document.createElement('dialog');
      inner.id = 'inner';
      inner.textContent = 'Are you sure?';
      document.querySelector('dialog')!.append(inner);
      inner.showModal();
    });
    const where = () => page.evaluate(() => document.querySelector('python-inside')?.parentElement?.id ?? null);
    await expect.poll(where).toBe('inner');
    await page.evaluate(() => (document.getElementById('inner') as HTMLDialogElement).close());
    await expect.poll(where).toBe('site-dialog');
    await card(page, 'YouTube').getByRole('button', { name: 'Close' }).click();
    expect(await hosts(page)).toBe(0);
    noErrors();
  });
});

describe('unusual documents', () => {
  it('a strict CSP with Trusted Types enforced does not stop or unstyle the card', async () => {
    await page.goto('https://www.spotify.com/hostile/strict-csp');
    await visible('Spotify');
    const heading = card(page, 'Spotify').getByRole('heading', { level: 2 });
    expect(await heading.evaluate((el) => getComputedStyle(el).fontSize)).toBe('18px');
    noErrors();
  });

  it('a page without <body> gets the card on <html>', async () => {
    await page.goto('https://www.netflix.com/hostile/no-body');
    await visible('Netflix');
    expect(await page.evaluate(() => document.body)).toBeNull();
    noErrors();
  });

  it.each(['svg', 'xml'])('a covered %s document gets no card and no error', async (kind) => {
    await page.goto(`https://www.nasa.gov/hostile/${kind}`);
    await settle();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('python-inside');
    noErrors();
  });

  it('frames of covered sites get no card; only the top page does', async () => {
    await page.goto('https://www.google.com/hostile/frames');
    await visible('Google');
    expect(await hosts(page)).toBe(1);
    for (const frame of page.frames().slice(1)) {
      expect(await frame.evaluate(() => document.querySelectorAll('python-inside, [data-python-inside]').length), frame.url()).toBe(0);
    }
    noErrors();
  });

  it('about:blank, file: and chrome: pages get nothing', async () => {
    const file = join(tmpdir(), 'python-inside-youtube.com.html');
    writeFileSync(file, '<!doctype html><title>youtube.com on disk</title><p>local');
    for (const url of ['about:blank', `file://${file}`, 'chrome://version/']) {
      await page.goto(url);
      await settle();
      expect(await hosts(page), url).toBe(0);
    }
    noErrors();
  });
});

describe('the page cannot talk to the extension', () => {
  it('postMessage, DOM events and runtime.sendMessage from the page change nothing', async () => {
    await page.goto('https://www.youtube.com/hostile/talker');
    await visible('YouTube');
    expect((await storedSettings(h)).disabledSites).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { sendError?: string }).sendError)).toBeTruthy();
    const manifest = await h.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest).not.toHaveProperty('externally_connectable');
    noErrors();
  });
});
