import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseMessage } from '@/data/message-schema';
import { getSettings, setSiteEnabled, updateSettings } from '@/data/settings';
import { clearShownThisSession } from '@/entrypoints/background/session-shown';
import { handleMessage } from '@/entrypoints/background/router';

const page = (url: string) => ({ url, tab: { url } as never, id: fakeBrowser.runtime.id });
const request = (url: string) => handleMessage({ type: 'card:request' }, page(url));

describe('card:request', () => {
  it('answers a covered page with the company and how the card should behave', async () => {
    const answer = await request('https://music.youtube.com/watch?v=1');
    expect(answer).toMatchObject({
      show: true,
      company: { id: 'youtube', name: 'YouTube' },
      behaviour: { position: 'bottom-right', autoHideSeconds: 20 },
    });
  });

  it('says no for uncovered pages, lookalike hosts and non-web pages', async () => {
    for (const url of ['https://example.org/', 'https://notyoutube.com/', 'https://youtube.com.example.org/', 'file:///youtube.com']) {
      expect(await request(url), url).toEqual({ show: false, reason: 'not-covered' });
    }
  });

  it('judges the page by the sender, not by anything in the message', async () => {
    await expect(handleMessage({ type: 'card:request', host: 'youtube.com' }, page('https://example.org/'))).rejects.toThrow(
      /unexpected field "host"/,
    );
  });

  it('shows once per site per session by default, on every load when asked', async () => {
    expect(await request('https://www.youtube.com/')).toMatchObject({ show: true });
    expect(await request('https://m.youtube.com/')).toEqual({ show: false, reason: 'already-shown' });
    expect(await request('https://www.reddit.com/')).toMatchObject({ show: true });
    await clearShownThisSession();
    expect(await request('https://www.youtube.com/')).toMatchObject({ show: true });

    await updateSettings((s) => ({ ...s, showMode: 'every-load' }));
    expect(await request('https://www.youtube.com/')).toMatchObject({ show: true });
    expect(await request('https://www.youtube.com/')).toMatchObject({ show: true });
  });

  it('respects "never" and turned-off sites', async () => {
    await setSiteEnabled('netflix', false);
    expect(await request('https://www.netflix.com/')).toEqual({ show: false, reason: 'disabled' });
    await updateSettings((s) => ({ ...s, showMode: 'never' }));
    expect(await request('https://www.spotify.com/')).toEqual({ show: false, reason: 'never' });
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
    ['card:request', /not a message/],
    [{ type: 'lookup' }, /unknown message type "lookup"/],
    [{ type: 'site:set-enabled', companyId: 'uber' }, /missing field "enabled"/],
    [{ type: 'site:set-enabled', companyId: 'Uber!', enabled: false }, /bad companyId/],
    [{ type: 'site:set-enabled', companyId: 'uber', enabled: 'no' }, /must be a boolean/],
    [{ type: 'dataset:ensure', extra: 1 }, /unexpected field "extra"/],
    [{ type: 'site:set-enabled', companyId: 'x'.repeat(500), enabled: true }, /too long/],
    [{ type: { toString: (): string => 'card:request' } }, /not a message/],
    [[{ type: 'card:request' }], /not a message/],
    [{ type: 'x'.repeat(10_000) }, /unknown message type "x{40}"$/],
  ])('%j', async (message, reason) => {
    await expect(handleMessage(message, page('https://www.uber.com/'))).rejects.toThrow(reason);
    expect('error' in parseMessage(message)).toBe(true);
  });

  it('refuses messages from anything but this extension', async () => {
    const stranger = { url: 'https://www.uber.com/', id: 'another-extension-id' };
    await expect(handleMessage({ type: 'site:set-enabled', companyId: 'uber', enabled: false }, stranger)).rejects.toThrow(/not from this extension/);
    await expect(handleMessage({ type: 'card:request' }, { url: 'https://www.uber.com/' })).rejects.toThrow(/not from this extension/);
    expect((await getSettings()).disabledSites).toEqual([]);
  });

  it('a rejected message changes nothing', async () => {
    await handleMessage({ type: 'site:set-enabled', companyId: 'uber', enabled: 'no' }, page('https://www.uber.com/')).catch(() => {});
    expect((await getSettings()).disabledSites).toEqual([]);
  });
});
