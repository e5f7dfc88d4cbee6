import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/data/i18n/translate';
import { askBackground } from '@/data/messaging/extension';
import { TOGGLE_COMMAND } from '@/data/card/toggle-command';

/**
 * The key the browser assigned to the card's shortcut, as the browser writes it: '' when none is assigned (the
 * user removed it, or the browser refused the suggestion), undefined until known.
 */
function useToggleShortcut(): string | undefined {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    browser.commands
      .getAll()
      .then((commands) => setShortcut(commands.find((c) => c.name === TOGGLE_COMMAND)?.shortcut ?? ''))
      .catch(() => undefined); // no commands API: say nothing about a shortcut
  }, []);
  return shortcut;
}

/**
 * The popup's "Show the card here": the card on this tab now, even if it was already shown this session or is
 * set to never show (as the keyboard shortcut does, which it names). On success the popup closes: the card is
 * on the page with the keyboard in it, and an open popup would cover part of the page and keep the keyboard.
 * If the card cannot go there (the tab moved on, or the page refuses extensions), the popup stays and says so.
 * With `detections`, it is "Show on page" under the detector's findings, and shows those in the card instead.
 */
export function ShowCardHere({ tabId, detections = false }: { tabId: number; detections?: boolean }) {
  const shortcut = useToggleShortcut();
  const [failed, setFailed] = useState(false);

  const show = () => {
    setFailed(false);
    askBackground({ type: detections ? 'detection:show' : 'card:show', tabId }).then(
      ({ shown }) => (shown ? window.close() : setFailed(true)),
      () => setFailed(true),
    );
  };

  return (
    <div class="pi-show-here">
      <button type="button" class="pi-button" aria-describedby="pi-shortcut" onClick={show}>
        {t(detections ? 'showOnPage' : 'showCardHere')}
      </button>
      <p id="pi-shortcut" class="pi-muted">
        {shortcut ? (
          <>
            {t('shortcutLabel')} <kbd>{shortcut}</kbd>
          </>
        ) : (
          shortcut === '' && t('shortcutNotSet')
        )}
      </p>
      {failed && (
        <p class="pi-error" role="alert">
          {t('showCardFailed')}
        </p>
      )}
    </div>
  );
}
