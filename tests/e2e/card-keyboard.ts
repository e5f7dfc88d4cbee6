/**
 * The card's keyboard shortcut as a person presses it (xdotool on the virtual display), and where focus is, for
 * the suites that press it: the shortcut suite (the profile card) and the detection suite (the detection card).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Harness } from './harness';

/** The key Chromium assigned to the toggle, spelled for xdotool ("Alt+Shift+Y" → "alt+shift+y"). */
export async function assignedKey(h: Harness): Promise<string> {
  const shortcut = await h.worker.evaluate(async () => (await chrome.commands.getAll()).find((c) => c.name === 'toggle-card')?.shortcut ?? '');
  expect(shortcut, 'the shortcut Chromium assigned to toggle-card').not.toBe('');
  const names: Record<string, string> = { Ctrl: 'ctrl', Alt: 'alt', Shift: 'shift' };
  return shortcut
    .split('+')
    .map((part) => names[part] ?? part.toLowerCase())
    .join('+');
}

/** Where focus is: inside the card (its region or control's label) or on the page (the element's id). */
export const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return 'body';
    return el.getRootNode() instanceof ShadowRoot ? `card:${el.getAttribute('aria-label') ?? el.textContent?.trim()}` : `page:${el.id}`;
  });
