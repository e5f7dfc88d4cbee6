import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import cardCss from '@/components/card/card.css?inline';
import detectionsCss from '@/components/card/detections.css?inline';
import { cardFrame } from '@/components/card/card-frame';
import { detectionContent } from '@/components/card/detection-content';
import { schemeFor } from '@/components/card/page-scheme';
import { mountShadowHost } from '@/components/card/shadow-host';
import { pageApi } from '@/data/browser/extension-global';
import { DETECTIONS_DATA_KEY, type HandedDetections } from '@/data/card/handover';
import { behaviourOf, changedSettings, repairSettings } from '@/data/settings/shape';

// The detection card: what the detector found on a page without a profile, with its evidence, in a card that
// looks, sits and goes away like the profile card. The background injects this file only when the person asks
// (the keyboard shortcut, the popup's "Show on page"; entrypoints/background/card/injection.ts), never by itself,
// and only while detection is on. It is a script of its own, drawn without Preact, so that the profile card's
// script (overlay.js), which covered pages get by themselves, carries none of it. Its CSS travels inside it.

/** This script's state in the extension's isolated world, which the page cannot see. */
const world = globalThis as {
  [DETECTIONS_DATA_KEY]?: HandedDetections;
  /** closes the card; says whether one was still on the page (the page may have removed it) */
  __pythonInsideDetectionsClose?: () => boolean;
};

export default defineUnlistedScript(() => {
  const handed = world[DETECTIONS_DATA_KEY];
  delete world[DETECTIONS_DATA_KEY];
  if (!handed) return;
  // The shortcut hides a card that is showing; "Show on page" replaces it with a fresh one, focused.
  if (handed.request === 'toggle' && world.__pythonInsideDetectionsClose?.()) return;
  world.__pythonInsideDetectionsClose?.();
  // A card drawn in an earlier lifetime of the extension (before an update or a reload) can no longer be closed
  // from here: the new one takes its place, never two.
  for (const host of document.querySelectorAll('python-inside, [data-python-inside]')) {
    if (host.shadowRoot?.querySelector('.pi-overlay')) host.remove();
  }
  showDetections(handed);
});

function showDetections({ detections, behaviour: handedBehaviour }: HandedDetections) {
  let behaviour = behaviourOf(repairSettings(handedBehaviour)); // every field, whatever was handed over
  const focusBefore = document.activeElement;
  const ui = mountShadowHost('python-inside', cardCss + detectionsCss);
  if (!ui) return; // not an HTML page (an SVG image, an XML file): no card belongs there
  const close = () => {
    const shown = ui.container.isConnected;
    const focusInCard = document.activeElement === ui.host;
    frame.stop();
    ui.remove();
    delete world.__pythonInsideDetectionsClose;
    // The person asked for the card, so it took the keyboard: give it back where it was.
    if (focusInCard && focusBefore instanceof HTMLElement && focusBefore.isConnected) focusBefore.focus({ preventScroll: true });
    return shown;
  };
  let scheme = schemeFor(behaviour, ui.host);
  const frame = cardFrame(ui.container, detectionContent(detections), { behaviour, scheme, takeFocus: true, onClose: close });
  world.__pythonInsideDetectionsClose = close;

  // A new corner, countdown, way of making room or theme, set elsewhere while the card shows, applies at once.
  pageApi().storage.onChanged.addListener((changes, area) => {
    const settings = changedSettings(changes, area);
    if (!settings || !ui.container.isConnected) return;
    const next = behaviourOf(settings);
    if (next.theme !== behaviour.theme || next.position !== behaviour.position) scheme = schemeFor(next, ui.host);
    behaviour = next;
    frame.update(behaviour, scheme);
  });
}
