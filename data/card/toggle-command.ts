/**
 * The keyboard command that shows or hides the card on the current tab (the browser calls it `toggle-card`).
 *
 * The key is only a suggestion: a browser assigns it at install unless it will not, and then the command has no
 * key at all. Chromium will not assign a suggestion that is one of its own shortcuts (CommandService::
 * CanAutoAssign asks chrome::IsChromeAccelerator). Alt+Shift+P, this extension's first choice, is Chromium's
 * "new tab group" (pressed in a plain Chromium 156 window, it opens a new tab in a new group), so getAll()
 * reported the command with an empty shortcut. Chromium also keeps Alt+Shift+A, B, C, N, R, T, W, X and Z for
 * itself (measured the same way: each suggested by a test extension, each left unset). Alt+Shift+Y is none of
 * Chromium's or Firefox's own shortcuts, and both assign it: tests/e2e/shortcut.e2e.ts presses it for real, and
 * the shared scenarios read commands.getAll() in both browsers.
 */
export const TOGGLE_COMMAND = 'toggle-card';

export const TOGGLE_SUGGESTED_KEY = 'Alt+Shift+Y';
