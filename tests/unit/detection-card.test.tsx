// The detection card in a page (entrypoints/detection-card), run as the browser runs it: the background leaves
// what was found in the isolated world, then the script draws the card in its shadow root.
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARD_CLOSE_KEY, DETECTIONS_DATA_KEY, type CardRequest } from '@/data/card/handover';
import { JUDGE_SCHEME_KEY, leaveCard } from '@/data/card/leave-card';
import { GATE_KEY, WEB_PAGE_TYPES } from '@/entrypoints/background/card/page-gate';
import { behaviourOf, DEFAULT_SETTINGS, type Behaviour } from '@/data/settings/shape';
import { updateSettings } from '@/data/settings/store';
import { DetectionReport } from '@/components/popup/DetectionReport';
import { closeShownCard } from '@/components/card/shell';
import detectionCardScript from '@/entrypoints/detection-card';
import { djangoOnGunicorn } from '../fixtures/detections';

const HOSTS = 'python-inside, [data-python-inside]';

/** The background's handover and the script, as for the shortcut (`toggle`) or the popup's "Show on page" (`show`). */
function hand(request: CardRequest, behaviour: Partial<Behaviour> = {}) {
  // The system's colours unless a test says otherwise ("match the page" is page-scheme.test.ts's, with a real layout).
  const content = { detections: djangoOnGunicorn, behaviour: { ...behaviourOf(DEFAULT_SETTINGS), autoHideSeconds: 0, theme: 'system' as const, ...behaviour }, request };
  expect(leaveCard(DETECTIONS_DATA_KEY, JUDGE_SCHEME_KEY, GATE_KEY, CARD_CLOSE_KEY, WEB_PAGE_TYPES, location.hostname, content)).toBe(true);
  detectionCardScript.main();
}

/** The card's region in its shadow root, or null when there is no card on the page. */
const card = () => document.querySelector(HOSTS)?.shadowRoot?.querySelector<HTMLElement>('[role="region"]') ?? null;
const inCard = () => within(card()!);
/** The element focused, looking into the card's shadow root. */
const focused = () => document.querySelector(HOSTS)?.shadowRoot?.activeElement ?? document.activeElement;

/** A control of the page that had focus before the card came. */
function pageInput(): HTMLInputElement {
  const input = document.createElement('input');
  input.id = 'site-search';
  document.body.append(input);
  input.focus();
  return input;
}

afterEach(() => {
  vi.useRealTimers();
  closeShownCard(); // as a page unloading would: this lifetime's card, if still there, and its Close with it
  for (const host of document.querySelectorAll(HOSTS)) host.remove();
  document.body.replaceChildren();
});

describe('the detection card', () => {
  it('names what was found, each technology linked to its site with its kind, confidence and evidence', () => {
    hand('show');
    expect(card()!.getAttribute('aria-label')).toBe('Signs of Python: Django, Gunicorn');
    expect(inCard().getByRole('heading', { level: 2 }).textContent).toBe('Signs of Python on this site');
    const django = inCard().getByRole('link', { name: 'Django' });
    expect([django.getAttribute('href'), django.getAttribute('target'), django.getAttribute('rel')]).toEqual(['https://www.djangoproject.com/', '_blank', 'noopener noreferrer']);
    expect(inCard().getByRole('link', { name: 'Gunicorn' }).getAttribute('href')).toBe('https://gunicorn.org/');
    expect(inCard().getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Django', 'Gunicorn']);
    expect(inCard().getByText('High confidence')).toBeTruthy();
    expect(inCard().getByText('Medium confidence')).toBeTruthy();
    expect(inCard().getByText('web framework')).toBeTruthy();
    const evidence = inCard().getByRole('list', { name: 'Evidence for Django' });
    expect(within(evidence).getAllByRole('listitem')).toHaveLength(2);
    expect([...evidence.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['csrfmiddlewaretoken', 'csrftoken']);
  });

  it('words every piece of evidence exactly as the popup does', () => {
    hand('show');
    const lines = (root: ParentNode, name: string) =>
      [...root.querySelectorAll(`ul[aria-label="Evidence for ${name}"] > li`)].map((li) => [li.textContent, li.querySelector('code')?.textContent]);
    const inThePage = card()!;
    render(<DetectionReport detections={djangoOnGunicorn} tabId={null} />);
    const inThePopup = screen.getByRole('region', { name: 'Signs of Python on this site' });
    for (const { name } of djangoOnGunicorn) {
      expect(lines(inThePage, name), name).toEqual(lines(inThePopup, name));
      expect(lines(inThePage, name).length, name).toBeGreaterThan(0);
    }
  });

  it('takes the keyboard as it opens, and gives it back where it was when closed by Close', () => {
    const input = pageInput();
    hand('show');
    expect(focused()).toBe(card());
    fireEvent.click(inCard().getByRole('button', { name: 'Close' }));
    expect(card()).toBeNull();
    expect(document.querySelectorAll(HOSTS)).toHaveLength(0);
    expect(document.activeElement).toBe(input);
  });

  it('Escape closes it, and is not left to the page (a modal dialog of the page would close with it)', () => {
    const input = pageInput();
    hand('show');
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    inCard().getByRole('button', { name: 'Close' }).dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(true);
    expect(card()).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('the shortcut shows it, hides it and shows it again; "Show on page" replaces it: never two', () => {
    const input = pageInput();
    hand('toggle');
    expect(card()).not.toBeNull();
    hand('toggle');
    expect(card()).toBeNull();
    expect(document.activeElement).toBe(input);
    hand('toggle');
    const first = card();
    hand('show');
    expect(document.querySelectorAll(HOSTS)).toHaveLength(1);
    expect(card()).not.toBe(first);
    expect(focused()).toBe(card());
  });

  it('replaces a card left on the page by an earlier lifetime of the extension, and leaves the page\'s own element', () => {
    const old = document.createElement('python-inside');
    old.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('section'), { className: 'pi-overlay' }));
    const own = document.createElement('python-inside');
    document.documentElement.append(old, own);
    hand('toggle');
    expect(old.isConnected).toBe(false);
    expect(own.isConnected).toBe(true);
    expect(document.querySelectorAll(HOSTS)).toHaveLength(2);
    own.remove();
  });

  it('sits in the corner and colours the settings say, and follows a change made while it shows', async () => {
    hand('show', { position: 'top-left', theme: 'dark' });
    expect(card()!.className).toBe('pi-overlay pi-at-top-left pi-scheme-dark');
    const close = inCard().getByRole('button', { name: 'Close' });
    close.focus();
    await updateSettings((s) => ({ ...s, position: 'bottom-left', theme: 'light' }));
    expect(card()!.className).toBe('pi-overlay pi-at-bottom-left pi-scheme-light');
    expect(focused()).toBe(close); // the change does not take the keyboard from the card
  });

  it('announces itself to screen readers a moment after it appears', () => {
    vi.useFakeTimers();
    hand('show');
    const status = inCard().getByRole('status');
    expect(status.textContent).toBe('');
    vi.advanceTimersByTime(150);
    expect(status.textContent).toBe('Signs of Python: Django, Gunicorn');
  });

  it('makes room when its time is up, once focus has left it: a tab at the side that opens it again', async () => {
    vi.useFakeTimers();
    const input = pageInput();
    hand('show', { autoHideSeconds: 10, makeRoomBy: 'collapse', position: 'top-left' });
    vi.advanceTimersByTime(60_000); // focus is in the card: the countdown waits
    expect(inCard().queryByRole('heading', { level: 2 })).not.toBeNull();
    input.focus();
    vi.advanceTimersByTime(9_000);
    fireEvent.mouseEnter(card()!); // the pointer over it pauses the countdown too
    vi.advanceTimersByTime(60_000);
    expect(inCard().queryByRole('heading', { level: 2 })).not.toBeNull();
    fireEvent.mouseLeave(card()!);
    await vi.advanceTimersByTimeAsync(10_000); // the tab comes with the rest of the card (shell.ts), a promise away
    expect(inCard().queryByRole('heading', { level: 2 })).toBeNull();
    expect(card()!.className).toBe('pi-overlay pi-tab pi-tab-left');
    const tab = inCard().getByRole('button', { name: 'Django, Gunicorn' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(tab.textContent).toBe('Py?Django, Gunicorn');
    expect(document.activeElement).toBe(input); // the timer never moves focus
    vi.advanceTimersByTime(3_600_000);
    expect(card()).not.toBeNull();
    fireEvent.click(tab);
    expect(inCard().getByRole('heading', { level: 2 }).textContent).toBe('Signs of Python on this site');
    expect(focused()).toBe(inCard().getByRole('button', { name: 'Shrink to a tab' }));
  });

  it('with "close", closes when its time is up', () => {
    vi.useFakeTimers();
    pageInput();
    hand('show', { autoHideSeconds: 5, makeRoomBy: 'close' });
    document.body.querySelector('input')!.focus();
    vi.advanceTimersByTime(5_000);
    expect(card()).toBeNull();
  });

  it('shrinks and opens by hand, focus following to the control that undoes it, and closes from the tab', async () => {
    hand('show');
    const shrink = inCard().getByRole('button', { name: 'Shrink to a tab' });
    expect(shrink.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(shrink);
    const tab = await inCard().findByRole('button', { name: 'Django, Gunicorn' });
    expect(focused()).toBe(tab);
    fireEvent.click(tab);
    expect(focused()).toBe(inCard().getByRole('button', { name: 'Shrink to a tab' }));
    fireEvent.click(inCard().getByRole('button', { name: 'Shrink to a tab' }));
    fireEvent.click(await inCard().findByRole('button', { name: 'Close' }));
    expect(card()).toBeNull();
  });

  it('does nothing without a handover (the script run again by itself)', () => {
    detectionCardScript.main();
    expect(card()).toBeNull();
  });
});
