// The popup's "Show the card here" and the shortcut it names, against the fake browser.
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ShowCardHere } from '@/components/popup/ShowCardHere';

/** The browser's commands.getAll(), answering `shortcut` for the card's command. */
function browserAssigns(shortcut: string) {
  (fakeBrowser.commands as unknown as { getAll: () => Promise<unknown[]> }).getAll = async () => [
    { name: 'toggle-card', description: 'Show or hide', shortcut },
  ];
}

afterEach(() => vi.restoreAllMocks());

describe('ShowCardHere', () => {
  it('names the key the browser assigned to the shortcut', async () => {
    browserAssigns('Alt+Shift+Y');
    render(<ShowCardHere tabId={5} />);
    await act(async () => undefined);
    const button = screen.getByRole('button', { name: 'Show the card here' });
    expect(document.querySelector('kbd')?.textContent).toBe('Alt+Shift+Y');
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe('Keyboard shortcut on the page: Alt+Shift+Y');
  });

  it('says so when the browser assigned no key, rather than naming one that does nothing', async () => {
    browserAssigns('');
    render(<ShowCardHere tabId={5} />);
    await act(async () => undefined);
    expect(document.querySelector('kbd')).toBeNull();
    expect(screen.getByText(/No keyboard shortcut is set for the card/)).toBeTruthy();
  });

  it('asks the background for the card on its tab and closes the popup once it is shown', async () => {
    browserAssigns('Alt+Shift+Y');
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ shown: true });
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render(<ShowCardHere tabId={5} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show the card here' }));
    expect(send).toHaveBeenCalledWith({ type: 'card:show', tabId: 5 });
    await vi.waitFor(() => expect(close).toHaveBeenCalledOnce());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('as "Show on page" under what detection found, asks for the detection card instead, and names the same key', async () => {
    browserAssigns('Alt+Shift+Y');
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ shown: true });
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render(<ShowCardHere tabId={5} detections />);
    await act(async () => undefined);
    const button = screen.getByRole('button', { name: 'Show on page' });
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe('Keyboard shortcut on the page: Alt+Shift+Y');
    fireEvent.click(button);
    expect(send).toHaveBeenCalledWith({ type: 'detection:show', tabId: 5 });
    await vi.waitFor(() => expect(close).toHaveBeenCalledOnce());
  });

  it.each([
    ['the background answers that the card did not reach the page', (send: ReturnType<typeof vi.fn>) => send.mockResolvedValue({ shown: false })],
    ['the background could not answer', (send: ReturnType<typeof vi.fn>) => send.mockRejectedValue(new Error('Could not establish connection'))],
  ])('stays open and says the card cannot be shown when %s', async (_, answer) => {
    browserAssigns('Alt+Shift+Y');
    answer(vi.spyOn(fakeBrowser.runtime, 'sendMessage') as unknown as ReturnType<typeof vi.fn>);
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render(<ShowCardHere tabId={5} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show the card here' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The card cannot be shown on this page.');
    expect(close).not.toHaveBeenCalled();
  });
});
