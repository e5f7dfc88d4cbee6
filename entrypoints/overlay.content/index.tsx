import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import cardCss from '@/components/card.css?inline';
import { OverlayCard } from '@/components/OverlayCard';
import { sendToBackground } from '@/data/messages';
import { isSiteEnabled, repairSettings, SETTINGS_KEY, type Behaviour } from '@/data/settings-shape';

// The in-page card. Registered at runtime by the background only for enabled covered sites; it asks the
// background whether to show (never opens IndexedDB: here that would be the web page's database).
export default defineContentScript({
  registration: 'runtime',
  // CSS travels inside the script and goes straight into the shadow root: no web-accessible file a page could
  // probe, no fetch.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const answer = await sendToBackground({ type: 'card:request' });
    if (!answer.show || ctx.isInvalid) return;
    const { company } = answer;
    let behaviour: Behaviour = answer.behaviour;
    let offByThisCard = false;
    let container: HTMLElement | undefined;

    const draw = () =>
      container &&
      render(
        <OverlayCard
          company={company}
          behaviour={behaviour}
          onClose={() => ui.remove()}
          onSetSiteEnabled={async (enabled) => {
            offByThisCard = !enabled;
            await sendToBackground({ type: 'site:set-enabled', companyId: company.id, enabled });
          }}
        />,
        container,
      );

    const ui = await createShadowRootUi(ctx, {
      name: 'python-inside',
      position: 'inline',
      anchor: 'html',
      css: cardCss,
      // Keys typed in the card must not trigger the site's shortcuts (YouTube's "k", Reddit's "j").
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(uiContainer) {
        container = uiContainer;
        draw();
      },
      onRemove() {
        if (container) render(null, container);
        container = undefined;
      },
    });
    ui.mount();

    // Settings changed elsewhere (options, popup, another device): a site turned off loses its card at once;
    // a new corner or auto-hide time applies at once.
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[SETTINGS_KEY];
      if (area !== 'sync' || !change) return;
      const settings = repairSettings(change.newValue);
      if (!isSiteEnabled(settings, company.id)) {
        if (!offByThisCard) ui.remove(); // the card that turned itself off stays to offer Undo
        return;
      }
      offByThisCard = false;
      behaviour = { position: settings.position, autoHideSeconds: settings.autoHideSeconds };
      draw();
    };
    browser.storage.onChanged.addListener(onChanged);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
  },
});
