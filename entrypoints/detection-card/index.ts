import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import detectionsCss from '@/components/card/detections.css?inline';
import { compactTab, tabCss } from '@/components/card/compact-tab';
import { el } from '@/components/card/dom';
import { DETECTED_MARK, detectionContent } from '@/components/card/detection-content';
import { closeShownCard, openCardShell } from '@/components/card/shell';
import { DETECTIONS_DATA_KEY, type HandedDetections } from '@/data/card/handover';
import { onSettingsChange } from '@/data/settings/read';
import { behaviourOf, repairSettings } from '@/data/settings/shape';

// The detection card: what the detector found on a page without a profile, with its evidence, in the profile
// card's shell (components/card/shell.ts), so it looks, sits and goes away the same way. The background injects
// this file only when the person asks (the keyboard shortcut, the popup's "Show on page";
// entrypoints/background/card/injection.ts), never by itself, and only while detection is on. It is a script of
// its own so that the profile card's script (overlay.js), which covered pages get by themselves, carries none of
// it. Being shown only on request, it carries its compact tab itself rather than in a second script. Its CSS
// travels inside it.

/** This script's state in the extension's isolated world, which the page cannot see. */
const world = globalThis as { [DETECTIONS_DATA_KEY]?: HandedDetections };

export default defineUnlistedScript(() => {
  const handed = world[DETECTIONS_DATA_KEY];
  delete world[DETECTIONS_DATA_KEY];
  if (!handed) return;
  // The shortcut hides a card that is showing; "Show on page" replaces it with a fresh one, focused.
  if (handed.request === 'toggle' && closeShownCard()) return;
  showDetections(handed);
});

function showDetections({ detections, behaviour: handedBehaviour }: HandedDetections) {
  const { label, tabName, body } = detectionContent(detections);
  const shell = openCardShell({
    label,
    tabName,
    behaviour: behaviourOf(repairSettings(handedBehaviour)), // every field, whatever was handed over
    takeFocus: true, // always asked for
    css: detectionsCss,
    more: () => Promise.resolve({ css: tabCss, compactTab: (name, open, close) => compactTab(name, open, close, DETECTED_MARK) }),
  });
  if (!shell) return; // not an HTML page (an SVG image, an XML file): no card belongs there
  // Its own scroll area under the bar, as the profile card's.
  shell.setContent(el('div', { class: 'pi-scroll' }, body));

  // A new corner, countdown, way of making room or theme, set elsewhere while the card shows, applies at once.
  const stop = onSettingsChange((settings) => {
    if (shell.isShown()) shell.setBehaviour(behaviourOf(settings)); // the page may have removed the card
  });
  shell.onClose(stop);
}
