/**
 * Where the settings live: one item in storage.sync, so they follow the person to their other devices. Apart from
 * their shape (shape.ts) so that the card in a page can tell a settings change from other storage changes without
 * bundling the whole table.
 */
export const SETTINGS_AREA = 'sync';
export const SETTINGS_KEY = 'settings';
