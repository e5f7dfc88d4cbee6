/**
 * The card's keyboard shortcut as a person presses it (xdotool on the virtual display), and where focus is, for
 * the suites that press it: the shortcut suite (the profile card) and the detection suites (the detection card,
 * in Chromium and in Firefox).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Harness } from './harness';

/** A shortcut as the browser writes it, spelled for xdotool ("Alt+Shift+Y" → "alt+shift+y"); it must be set. */
export function xdotoolKeys(shortcut: string, browserName: string): string {
  expect(shortcut, `the shortcut ${browserName} assigned to toggle-card`).not.toBe('');
  const names: Record<string, string> = { Ctrl: 'ctrl', Alt: 'alt', Shift: 'shift' };
  return shortcut
    .split('+')
    .map((part) => names[part] ?? part.toLowerCase())
    .join('+');
}

/** The key Chromium assigned to the toggle, spelled for xdotool. */
export async function assignedKey(h: Harness): Promise<string> {
  const shortcut = await h.worker.evaluate(async () => (await chrome.commands.getAll()).find((c) => c.name === 'toggle-card')?.shortcut ?? '');
  return xdotoolKeys(shortcut, 'Chromium');
}

/**
 * Where focus is, run in the page: inside the card (its region or control's label) or on the page (the
 * element's id). Self-contained, so that either browser's driver can run it.
 */
export function whereFocusIs(): string {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return 'body';
  return el.getRootNode() instanceof ShadowRoot ? `card:${el.getAttribute('aria-label') ?? el.textContent?.trim()}` : `page:${el.id}`;
}

export const focused = (page: Page) => page.evaluate(whereFocusIs);
