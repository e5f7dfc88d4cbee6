import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseMessage } from '@/data/messaging/parse';
import { getSettings, setSiteEnabled, updateSettings } from '@/data/settings/store';
import { cardDue, claimCard } from '@/entrypoints/background/card/policy';
import { forgetShown } from '@/entrypoints/background/card/session-shown';
import { handleMessage } from '@/entrypoints/background/router';

const page = (url: string) => ({ url, tab: { url } as never, id: fakeBrowser.runtime.id });
const due = (url: string) => cardDue(new URL(url).hostname);
const claim = async (url: string) => (await claimCard(new URL(url).hostname)).card;

describe('whether the card is due', () => {
  it('answers a covered page with the company and how the card should behave', async () => {
    const answer = await due('https://music.youtube.com/watch?v=1');
    expect(answer).toMatchObject({
      show: true,
      company: { id: 'youtube', name: 'YouTube' },
      behaviour: { position: 'bottom-right', autoHideSeconds: 10, makeRoomBy: 'collapse', theme: 'page' },
    });
  });

  it('says no for uncovered pages and lookalike hosts', async () => {
    for (const url of ['https://example.org/', 'https://notyoutube.com/', 'https://youtube.com.example.org/']) {
      expect(await due(url), url).toEqual({ show: false, reason: 'not-covered' });
    }
    expect(await cardDue(null)).toEqual({ show: false, reason: 'not-covered' });
  });

  it('judges the page by the sender, not by anything in the message', async () => {
    await expect(handleMessage({ type: 'card:visible', host: 'youtube.com' }, page('https://example.org/'))).rejects.toThrow(
      /unexpected field "host"/,
    );
  });

  it('shows once per site per session by default, on every load when asked; looking spends nothing', async () => {
    expect(await due('https://www.youtube.com/')).toMatchObject({ show: true });
    expect(await due('https://www.youtube.com/')).toMatchObject({ show: true });
    expect(await claim('https://www.youtube.com/')).toMatchObject({ show: true });
    expect(await claim('https://m.youtube.com/')).toEqual({ show: false, reason: 'already-shown' });
    expect(await due('https://m.youtube.com/')).toEqual({ show: false, reason: 'already-shown' });
    expect(await claim('https://www.reddit.com/')).toMatchObject({ show: true });
    await forgetShown();
    expect(await claim('https://www.youtube.com/')).toMatchObject({ show: true });

    await updateSettings((s) => ({ ...s, showMode: 'every-load' }));
    expect(await claim('https://www.youtube.com/')).toMatchObject({ show: true });
    expect(await claim('https://www.youtube.com/')).toMatchObject({ show: true });
  });

  it('a claim released (the page went away first) is not spent', async () => {
    const { card, release } = await claimCard('www.spotify.com');
    expect(card).toMatchObject({ show: true });
    await release();
    expect(await due('https://open.spotify.com/')).toMatchObject({ show: true });
  });

  it('respects "never" and turned-off sites', async () => {
    await setSiteEnabled('netflix', false);
    expect(await claim('https://www.netflix.com/')).toEqual({ show: false, reason: 'disabled' });
    await updateSettings((s) => ({ ...s, showMode: 'never' }));
    expect(await claim('https://www.spotify.com/')).toEqual({ show: false, reason: 'never' });
  });
});

describe('site:set-enabled and dataset:ensure', () => {
  it('turns a site off and on', async () => {
    expect(await handleMessage({ type: 'site:set-enabled', companyId: 'uber', enabled: false }, page('https://www.uber.com/'))).toEqual({
      ok: true,
      enabled: false,
    });
    expect((await getSettings()).disabledSites).toEqual(['uber']);
    await handleMessage({ type: 'site:set-enabled', companyId: 'uber', enabled: true }, page('https://www.uber.com/'));
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('seeds on demand and answers the version', async () => {
    expect(await handleMessage({ type: 'dataset:ensure' }, page('chrome-extension://x/popup.html'))).toEqual({
      version: expect.stringMatching(/^[0-9a-f]{8}$/),
      problem: null,
    });
  });
});

describe('malformed messages are rejected with a reason', () => {
  it.each([
    [undefined, /not a message/],
    ['card:visible', /not a message/],
    [{ type: 'lookup' }, /unknown message type "lookup"/],
    [{ type: 'site:set-enabled', companyId: 'uber' }, /missing field "enabled"/],
    [{ type: 'site:set-enabled', companyId: 'Uber!', enabled: false }, /bad companyId/],
    [{ type: 'site:set-enabled', companyId: 'uber', enabled: 'no' }, /must be a boolean/],
    [{ type: 'dataset:ensure', extra: 1 }, /unexpected field "extra"/],
    [{ type: 'site:set-enabled', companyId: 'x'.repeat(500), enabled: true }, /too long/],
    [{ type: 'card:request' }, /unknown message type "card:request"/],
    [{ type: 'detection:card' }, /unknown message type "detection:card"/],
    [{ type: 'detection:show', tabId: -1 }, /tabId must not be negative/],
    [{ type: { toString: (): string => 'card:visible' } }, /not a message/],
    [[{ type: 'card:visible' }], /not a message/],
    [{ type: 'x'.repeat(10_000) }, /unknown message type "x{40}"$/],
  ])('%j', async (message, reason) => {
    await expect(handleMessage(message, page('https://www.uber.com/'))).rejects.toThrow(reason);
    expect('error' in parseMessage(message)).toBe(true);
  });

  it('refuses messages from anything but this extension', async () => {
    const stranger = { url: 'https://www.uber.com/', id: 'another-extension-id' };
    await expect(handleMessage({ type: 'site:set-enabled', companyId: 'uber', enabled: false }, stranger)).rejects.toThrow(/not from this extension/);
    await expect(handleMessage({ type: 'card:visible' }, { url: 'https://www.uber.com/' })).rejects.toThrow(/not from this extension/);
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('a rejected message changes nothing', async () => {
    await handleMessage({ type: 'site:set-enabled', companyId: 'uber', enabled: 'no' }, page('https://www.uber.com/')).catch(() => {});
    expect((await getSettings()).disabledSites).toEqual([]);
  });
});

describe('card:more', () => {
  it('injects the rest of the card into the frame of the card that asked, and nowhere else', async () => {
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    const card = { url: 'https://www.uber.com/', tab: { id: 7, url: 'https://www.uber.com/' } as never, frameId: 0, id: fakeBrowser.runtime.id };
    await expect(handleMessage({ type: 'card:more' }, card)).resolves.toEqual({ injected: true });
    expect(inject).toHaveBeenCalledExactlyOnceWith({ target: { tabId: 7, frameIds: [0] }, files: ['/overlay-more.js'], injectImmediately: true });

    // An extension page has no card to draw into: nothing is injected anywhere.
    inject.mockClear();
    const popup = { url: fakeBrowser.runtime.getURL('/popup.html'), id: fakeBrowser.runtime.id };
    await expect(handleMessage({ type: 'card:more' }, popup)).resolves.toEqual({ injected: false });
    expect(inject).not.toHaveBeenCalled();
  });
});
