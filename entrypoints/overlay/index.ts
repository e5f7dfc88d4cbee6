import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cardMoreLoader } from '@/components/card/card-more';
import { openProfileCard } from '@/components/card/profile-card';
import { closeShownCard } from '@/components/card/shell';
import { logError } from '@/data/browser/console';
import { pageApi } from '@/data/browser/extension-global';
import { CARD_DATA_KEY, type HandedCard } from '@/data/card/handover';
import { HANDED_MESSAGES_KEY } from '@/data/i18n/translate';
import { askBackground } from '@/data/messaging/in-page';
import { SETTINGS_AREA, SETTINGS_KEY } from '@/data/settings/location';

// The in-page card. The background injects this file with scripting.executeScript after a covered, enabled page
// has loaded, only when the card is due and the page is visible (see entrypoints/background/card/injection.ts), so
// no other page ever runs it. The profile comes from the background
// (never from IndexedDB here: that would be the web page's database). The CSS travels inside the
// script: no web-accessible file a page could probe, no fetch. It draws the digest without a UI framework; the
// rest of the card (the full profile, the note after "Don't show", settings changes) is a second script the
// background injects only when it is needed (overlay-more, components/card/card-more.ts).
const INJECTED = Symbol.for('python-inside.card');

/** This script's state in the extension's isolated world, which the page cannot see. */
const world = globalThis as {
  [INJECTED]?: true;
  /** handed over by the background with the injection; `request` when the user asked for the card */
  [CARD_DATA_KEY]?: HandedCard;
  /** the card's messages, where every script of the card finds them (data/i18n/translate.ts) */
  [HANDED_MESSAGES_KEY]?: Record<string, string>;
};

export default defineUnlistedScript(() => {
  const handed = world[CARD_DATA_KEY];
  delete world[CARD_DATA_KEY];
  if (handed?.request === 'toggle' && closeShownCard()) return; // the shortcut hides a card that is showing
  // "Show the card here" replaces a card that is showing with a fresh one: in full, with its full time, focused.
  if (handed?.request === 'show') closeShownCard();
  // Otherwise one card per document: a second injection (a single-page site's URL change) does nothing,
  // unless the user asked for the card.
  if (!handed?.show || (world[INJECTED] && !handed.request)) return;
  world[INJECTED] = true;
  showCard(handed, handed.request !== undefined);
});

/** Draws the card; one the user asked for (`asked`) takes the keyboard (shell.ts). */
function showCard({ company, behaviour, words }: Extract<HandedCard, { show: true }>, asked: boolean) {
  world[HANDED_MESSAGES_KEY] = words.messages;
  const more = cardMoreLoader(() => askBackground({ type: 'card:more' }));
  const card = openProfileCard({
    company,
    words,
    behaviour, // the settings' own, repaired by the background that handed them over
    takeFocus: asked,
    // A rejection means the extension was updated or turned off meanwhile: there is no options page to open.
    openOptions: () => void askBackground({ type: 'options:open' }).catch(() => undefined),
    setSiteEnabled: (enabled) => askBackground({ type: 'site:set-enabled', companyId: company.id, enabled }),
    more,
  });
  if (!card) return; // not an HTML page (an SVG image, an XML file): no card belongs there

  // Settings changed elsewhere (options, popup, another device): a site turned off loses its card at once;
  // a new corner, time, way of making room or theme applies at once. What changed is read by the rest of the
  // card, which repairs it as every context does (data/settings/shape.ts).
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = area === SETTINGS_AREA && changes[SETTINGS_KEY];
    if (!change || !card.isShown()) return;
    more().then(({ settings }) => {
      const { enabled, behaviour: next } = settings(change.newValue, company.id);
      card.settingsChanged(enabled, next);
    }, logError);
  };
  pageApi().storage.onChanged.addListener(onChanged);
  card.onClose(() => pageApi().storage.onChanged.removeListener(onChanged));
}
