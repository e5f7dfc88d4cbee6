// The card in a page, drawn without a framework into its shadow root: the digest, its controls, the timer that
// makes room for the page, the full profile on request, and where focus goes.
import { fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cardMoreLoader } from '@/components/card/card-more';
import { registerCardMore } from '@/components/card/more';
import { openProfileCard } from '@/components/card/profile-card';
import { closeShownCard } from '@/components/card/shell';
import { cardWords } from '@/data/i18n/card-words';
import { HANDED_MESSAGES_KEY } from '@/data/i18n/translate';
import { behaviourOf, DEFAULT_SETTINGS, type Behaviour } from '@/data/settings/shape';
import { acme } from '../fixtures/profiles';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  closeShownCard();
});

function setup(autoHideSeconds = 0, behaviour: Partial<Behaviour> = {}, takeFocus = false, words = cardWords(acme)) {
  const onClose = vi.fn();
  const onSetSiteEnabled = vi.fn((_enabled: boolean) => Promise.resolve());
  const onOpenOptions = vi.fn();
  const card = openProfileCard({
    company: acme,
    words,
    behaviour: { position: 'bottom-right', autoHideSeconds, makeRoomBy: 'close', theme: 'system', ...behaviour },
    takeFocus,
    setSiteEnabled: onSetSiteEnabled,
    openOptions: onOpenOptions,
    // What the background does when the card asks: the second script runs in the same isolated world.
    more: cardMoreLoader(async () => registerCardMore()),
  })!;
  card.onClose(onClose);
  const shadow = document.querySelector('python-inside')!.shadowRoot!;
  const region = within(shadow as unknown as HTMLElement).getByRole('region', { name: 'Python at Acme' });
  return { card, onClose, onSetSiteEnabled, onOpenOptions, region, focused: () => shadow.activeElement };
}

/** Lets the promises of a click settle (saving a setting, loading the full profile). */
const settle = () => new Promise((r) => setTimeout(r));

describe('the card in a page', () => {
  it('is a landmark named "Python at {name}" with Close and "Don\'t show on this site"', () => {
    const { region, onClose } = setup();
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe('Acme');
    fireEvent.click(within(region).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(document.querySelector('python-inside')).toBeNull();
    expect(within(region).getByRole('button', { name: "Don't show on this site" })).toBeTruthy();
  });

  it('opens with a digest (summary, areas, tools, how it is sourced) and shows everything on request', async () => {
    const { region, focused } = setup();
    expect(within(region).getByText('Acme runs its storefront on Python.')).toBeTruthy();
    expect(within(region).getByText('Web backend, Machine learning', { exact: false })).toBeTruthy();
    expect(within(region).getByRole('list', { name: 'Tools' }).textContent).toBe('DjangoCeleryPyTorchFlask');
    expect(within(region).getByText(/2 from Acme itself/)).toBeTruthy();
    expect(within(region).queryByRole('region', { name: 'Sources' })).toBeNull();

    const showAll = within(region).getByRole('button', { name: 'Show all 3 uses and 2 sources' });
    showAll.focus(); // as pressing it does
    fireEvent.click(showAll);
    // Focus stays in the card: on the button until the full profile is there, then on the part that holds it.
    expect(focused()).toBe(showAll);
    await settle();
    const sources = within(region).getByRole('region', { name: 'Sources' });
    expect(within(sources).getAllByRole('link').map((a) => a.textContent)).toEqual(['How Acme uses Django', 'ML at Acme']);
    expect(focused()).toBe(within(region).getByRole('group', { name: 'All about Acme' }));
    expect(within(region).getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Acme']);
  });

  it('keeps the digest, and the button to try again, when the full profile cannot be loaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const card = openProfileCard({
      company: acme,
      words: cardWords(acme),
      behaviour: behaviourOf({ ...DEFAULT_SETTINGS, theme: 'system' }),
      takeFocus: false,
      setSiteEnabled: () => Promise.resolve(),
      openOptions: () => undefined,
      more: () => Promise.reject(new Error('Extension context invalidated.')),
    })!;
    const shadow = document.querySelector('python-inside')!.shadowRoot!;
    const region = within(card.region);
    region.getByRole('button', { name: /^Show all/ }).focus(); // as pressing it does
    fireEvent.click(region.getByRole('button', { name: /^Show all/ }));
    await settle();
    expect(region.queryByRole('group')).toBeNull();
    expect(shadow.activeElement).toBe(region.getByRole('button', { name: /^Show all/ }));
  });

  it('announces itself to screen readers a moment after it appears, without taking focus', () => {
    vi.useFakeTimers();
    const { region } = setup();
    const status = within(region).getAllByRole('status')[0]!;
    expect(status.textContent).toBe('');
    vi.advanceTimersByTime(150);
    expect(status.textContent).toBe('Python at Acme');
    expect(region.contains(document.activeElement)).toBe(false);
  });

  it('Escape closes it when focus is inside', () => {
    const { region, onClose } = setup();
    fireEvent.keyDown(within(region).getByRole('button', { name: 'Close' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('"Don\'t show on this site" turns the site off and offers Undo', async () => {
    const { region, onSetSiteEnabled, onOpenOptions } = setup();
    fireEvent.click(within(region).getByRole('button', { name: "Don't show on this site" }));
    await settle();
    expect(onSetSiteEnabled).toHaveBeenLastCalledWith(false);
    expect(within(region).getByText(/The card is off for Acme/)).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'options page' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
    fireEvent.click(within(region).getByRole('button', { name: 'Undo' }));
    await settle();
    expect(onSetSiteEnabled).toHaveBeenLastCalledWith(true);
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe('Acme');
  });

  it('says so when the setting could not be saved, and keeps the card as it was', async () => {
    const { region, onSetSiteEnabled } = setup();
    onSetSiteEnabled.mockImplementationOnce(() => Promise.reject(new Error('no background')));
    const button = within(region).getByRole('button', { name: "Don't show on this site" });
    fireEvent.click(button);
    await settle();
    expect(within(region).getByRole('alert').textContent).toBe('Could not save the setting. Try again from the toolbar button.');
    expect(button.isConnected).toBe(true);
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe('Acme');
  });

  it('settings changed elsewhere: its site turned off closes it, unless this card did it (it offers the undo); a new corner applies at once', async () => {
    const { region, card, onClose, onSetSiteEnabled } = setup();
    let saved!: () => void;
    onSetSiteEnabled.mockImplementationOnce(() => new Promise<void>((resolve) => (saved = resolve)));
    fireEvent.click(within(region).getByRole('button', { name: "Don't show on this site" }));
    await settle();
    // The change event of its own setting comes before the background's answer.
    card.settingsChanged(false, { position: 'bottom-right', autoHideSeconds: 0, makeRoomBy: 'close', theme: 'system' });
    expect(onClose).not.toHaveBeenCalled();
    saved();
    await settle();
    expect(within(region).getByText(/The card is off for Acme/)).toBeTruthy();
    // Turned on again elsewhere, with a new corner: the card moves; turned off elsewhere after that: it goes.
    card.settingsChanged(true, { position: 'top-left', autoHideSeconds: 0, makeRoomBy: 'close', theme: 'system' });
    expect(region.className).toContain('pi-at-top-left');
    card.settingsChanged(false, { position: 'top-left', autoHideSeconds: 0, makeRoomBy: 'close', theme: 'system' });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('hides itself after the set time, but not while hovered or focused', () => {
    vi.useFakeTimers();
    const { region, onClose } = setup(10);
    vi.advanceTimersByTime(9_000);
    fireEvent.mouseEnter(region);
    vi.advanceTimersByTime(60_000);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.mouseLeave(region);
    vi.advanceTimersByTime(10_000);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('never hides itself when auto-hide is off', () => {
    vi.useFakeTimers();
    const { onClose } = setup(0);
    vi.advanceTimersByTime(3_600_000);
    expect(onClose).not.toHaveBeenCalled();
  });

  const tab = (region: HTMLElement) => within(region).queryByRole('button', { name: 'Acme' });

  it('makes room by shrinking to a tab at the side when set to: no heading, a collapsed button, and no further timer', async () => {
    vi.useFakeTimers();
    const { region, onClose } = setup(10, { makeRoomBy: 'collapse', position: 'top-left' });
    expect(tab(region)).toBeNull();
    await vi.advanceTimersByTimeAsync(10_000); // the tab comes with the rest of the card
    expect(within(region).queryByRole('heading')).toBeNull();
    expect(tab(region)!.getAttribute('aria-expanded')).toBe('false');
    expect(region.className).toContain('pi-tab-left');
    expect(region.className).not.toContain('pi-at-top-left');
    expect(region.contains(document.activeElement)).toBe(false); // the timer never moves focus
    vi.advanceTimersByTime(3_600_000);
    expect(onClose).not.toHaveBeenCalled();
    expect(tab(region)).not.toBeNull();
  });

  it('shrinks and opens on request, focus following to the control that undoes it; the profile shown stays shown', async () => {
    const { region, onClose, focused } = setup(0, { makeRoomBy: 'collapse' });
    fireEvent.click(within(region).getByRole('button', { name: 'Show all 3 uses and 2 sources' }));
    await settle();
    const shrink = within(region).getByRole('button', { name: 'Shrink to a tab' });
    expect(shrink.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(shrink);
    await settle(); // the tab comes with the rest of the card
    expect(focused()).toBe(tab(region));
    fireEvent.click(tab(region)!);
    expect(focused()).toBe(within(region).getByRole('button', { name: 'Shrink to a tab' }));
    expect(within(region).getByRole('region', { name: 'Sources' })).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'Shrink to a tab' }));
    await settle();
    fireEvent.click(within(region).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('Escape closes the tab too, and is not left to the page (a modal dialog of the page would close with it)', async () => {
    const { region, onClose } = setup(0);
    fireEvent.click(within(region).getByRole('button', { name: 'Shrink to a tab' }));
    await settle();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    tab(region)!.dispatchEvent(escape);
    expect(onClose).toHaveBeenCalledOnce();
    expect(escape.defaultPrevented).toBe(true);
  });

  it('with "close", closes from the tab as well when the time is up', async () => {
    vi.useFakeTimers();
    const { region, onClose } = setup(10, { makeRoomBy: 'close' });
    fireEvent.click(within(region).getByRole('button', { name: 'Shrink to a tab' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(tab(region)).not.toBeNull();
    fireEvent.focusOut(region, { relatedTarget: null }); // focus went to the tab; now it leaves the card
    vi.advanceTimersByTime(10_000);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('when its time is up and the tab cannot come (the extension was updated meanwhile), it makes room by closing', async () => {
    vi.useFakeTimers();
    const onClose = vi.fn();
    const card = openProfileCard({
      company: acme,
      words: cardWords(acme),
      behaviour: { position: 'bottom-right', autoHideSeconds: 10, makeRoomBy: 'collapse', theme: 'system' },
      takeFocus: false,
      setSiteEnabled: () => Promise.resolve(),
      openOptions: () => undefined,
      more: () => Promise.reject(new Error('Extension context invalidated.')),
    })!;
    card.onClose(onClose);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it.each([
    ['light', 'pi-scheme-light'],
    ['dark', 'pi-scheme-dark'],
    ['system', null],
  ] as const)('colours: theme %s gives class %s, and a new theme applies to the card on the page', (theme, cls) => {
    const { region, card } = setup(0, { theme: theme === 'dark' ? 'light' : 'dark' });
    card.setBehaviour({ position: 'bottom-right', autoHideSeconds: 0, makeRoomBy: 'close', theme });
    const schemes = [...region.classList].filter((c) => c.startsWith('pi-scheme-'));
    expect(schemes).toEqual(cls ? [cls] : []);
  });

  it('one card per page: a new one replaces the one showing', () => {
    const first = setup();
    setup();
    expect(first.onClose).toHaveBeenCalledOnce();
    expect(document.querySelectorAll('python-inside').length).toBe(1);
  });
});

describe('a card the user asked for', () => {
  it('takes focus as it opens (the shortcut, the popup), so its controls are one Tab away', () => {
    const { region, focused } = setup(0, {}, true);
    expect(focused()).toBe(region);
  });

  it('a card that came by itself does not', () => {
    const { region } = setup(0, {}, false);
    expect(region.contains(document.activeElement)).toBe(false);
    expect(region.hasAttribute('tabindex')).toBe(false);
  });

  it('gives focus back where it was when it closes', () => {
    const input = document.body.appendChild(document.createElement('input'));
    input.focus();
    const { region } = setup(0, {}, true);
    fireEvent.click(within(region).getByRole('button', { name: 'Close' }));
    expect(document.activeElement).toBe(input);
    input.remove();
  });
});

describe('its words', () => {
  const world = globalThis as { [HANDED_MESSAGES_KEY]?: Record<string, string> };
  afterEach(() => delete world[HANDED_MESSAGES_KEY]);

  it('in a page, every word of every form of the card is handed over: it never asks the browser, nor formats a date', async () => {
    const words = cardWords(acme);
    world[HANDED_MESSAGES_KEY] = words.messages;
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    const dateFormats = vi.spyOn(Intl, 'DateTimeFormat');
    const { region, onSetSiteEnabled } = setup(0, { makeRoomBy: 'collapse' }, true, words);
    const card = within(region);
    expect(card.getByText(/^Sources from 2020 to 2021 · reviewed November 2026$/)).toBeTruthy();
    fireEvent.click(card.getByRole('button', { name: 'Show all 3 uses and 2 sources' }));
    await settle();
    expect(card.getAllByText(/^Sources from 2020 to 2021 · reviewed November 2026$/)).toHaveLength(1);
    expect(card.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Web backend', 'Machine learning', 'Sources']);
    fireEvent.click(card.getByRole('button', { name: 'Shrink to a tab' }));
    await settle();
    fireEvent.click(card.getByRole('button', { name: 'Acme' }));
    onSetSiteEnabled.mockImplementationOnce(() => Promise.reject(new Error('no background')));
    fireEvent.click(card.getByRole('button', { name: "Don't show on this site" }));
    await settle();
    fireEvent.click(card.getByRole('button', { name: "Don't show on this site" }));
    await settle();
    expect(card.getByText(/The card is off for Acme/)).toBeTruthy();
    expect(getMessage).not.toHaveBeenCalled();
    expect(dateFormats).not.toHaveBeenCalled();
  });

  it('fills each substitution once, whatever it holds', () => {
    world[HANDED_MESSAGES_KEY] = cardWords(acme).messages;
    const card = openProfileCard({
      company: { ...acme, name: 'A $1 $2 co' },
      words: cardWords(acme),
      behaviour: behaviourOf({ ...DEFAULT_SETTINGS, theme: 'system' }),
      takeFocus: false,
      setSiteEnabled: () => Promise.resolve(),
      openOptions: () => undefined,
      more: cardMoreLoader(async () => registerCardMore()),
    })!;
    expect(card.region.getAttribute('aria-label')).toBe('Python at A $1 $2 co');
  });
});
