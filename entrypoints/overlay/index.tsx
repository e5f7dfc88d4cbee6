import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import cardCss from '@/components/card/card.css?inline';
import { OverlayCard } from '@/components/card/OverlayCard';
import { schemeFor } from '@/components/card/page-scheme';
import { mountShadowHost } from '@/components/card/shadow-host';
import { pageApi } from '@/data/browser/extension-global';
import { CARD_DATA_KEY, type HandedCard } from '@/data/card/handover';
import { askBackground } from '@/data/messaging/in-page';
import { behaviourOf, changedSettings, isSiteEnabled, repairSettings } from '@/data/settings/shape';

// The in-page card. The background injects this file with scripting.executeScript after a covered, enabled page
// has loaded, only when the card is due and the page is visible (see entrypoints/background/card/injection.ts), so
// no other page ever runs it. The profile comes from the background
// (never from IndexedDB here: that would be the web page's database). The CSS travels inside the
// script: no web-accessible file a page could probe, no fetch.
const INJECTED = Symbol.for('python-inside.card');

/** This script's state in the extension's isolated world, which the page cannot see. */
const world = globalThis as {
  [INJECTED]?: true;
  /** handed over by the background with the injection; `request` when the user asked for the card */
  [CARD_DATA_KEY]?: HandedCard;
  /** closes the card; says whether one was still on the page (the page may have removed it) */
  __pythonInsideClose?: () => boolean;
};

export default defineUnlistedScript(() => {
  const handed = world[CARD_DATA_KEY];
  delete world[CARD_DATA_KEY];
  if (handed?.request === 'toggle' && world.__pythonInsideClose?.()) return; // the shortcut hides a card that is showing
  // "Show the card here" replaces a card that is showing with a fresh one: in full, with its full time, focused.
  if (handed?.request === 'show') world.__pythonInsideClose?.();
  // Otherwise one card per document: a second injection (a single-page site's URL change) does nothing,
  // unless the user asked for the card.
  if (!handed?.show || (world[INJECTED] && !handed.request)) return;
  world[INJECTED] = true;
  showCard(handed, handed.request !== undefined);
});

/**
 * Draws the card. One the user asked for (`asked`) takes the keyboard: focus moves into it, so its controls are
 * one Tab away rather than after everything on a long page, and goes back where it was when the card closes.
 * A card that came by itself never takes focus.
 */
function showCard(handed: Extract<HandedCard, { show: true }>, asked: boolean) {
  const { company } = handed;
  let behaviour = behaviourOf(repairSettings(handed.behaviour)); // every field, whatever was handed over
  let offByThisCard = false;
  const focusBefore = asked ? document.activeElement : null;
  const ui = mountShadowHost('python-inside', cardCss);
  if (!ui) return; // not an HTML page (an SVG image, an XML file): no card belongs there
  let scheme = schemeFor(behaviour, ui.host);
  const close = () => {
    const shown = ui.container.isConnected;
    const focusInCard = document.activeElement === ui.host;
    render(null, ui.container);
    ui.remove();
    delete world.__pythonInsideClose;
    if (focusInCard && focusBefore instanceof HTMLElement && focusBefore.isConnected) focusBefore.focus({ preventScroll: true });
    return shown;
  };
  world.__pythonInsideClose = close;
  const draw = () =>
    render(
      <OverlayCard
        company={company}
        behaviour={behaviour}
        takeFocus={asked}
        scheme={scheme}
        onClose={close}
        onOpenOptions={() => {
          // A rejection means the extension was updated or turned off meanwhile: there is no options page to open.
          askBackground({ type: 'options:open' }).catch(() => undefined);
        }}
        onSetSiteEnabled={async (enabled) => {
          offByThisCard = !enabled;
          await askBackground({ type: 'site:set-enabled', companyId: company.id, enabled });
        }}
      />,
      ui.container,
    );
  draw();

  // Settings changed elsewhere (options, popup, another device): a site turned off loses its card at once;
  // a new corner, time, way of making room or theme applies at once.
  pageApi().storage.onChanged.addListener((changes, area) => {
    const settings = changedSettings(changes, area);
    if (!settings || !ui.container.isConnected) return;
    if (!isSiteEnabled(settings, company.id)) {
      if (!offByThisCard) close(); // the card that turned itself off stays to offer Undo
      return;
    }
    offByThisCard = false;
    const next = behaviourOf(settings);
    if (next.theme !== behaviour.theme || next.position !== behaviour.position) scheme = schemeFor(next, ui.host);
    behaviour = next;
    draw();
  });
}
