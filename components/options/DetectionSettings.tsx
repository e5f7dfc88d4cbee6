import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { detectionGranted, requestDetection, revokeDetection } from '@/data/detection/access';
import { DETECTION_HEADER_NAMES } from '@/data/detection/header-names';
import { headerCase } from '../shared/evidence-text';
import { logError } from '@/data/browser/console';
import { t } from '@/data/i18n/translate';

const HEADERS = DETECTION_HEADER_NAMES.map(headerCase).join(', ');

/**
 * The opt-in for detection on any site. The switch shows what the browser has granted, not a stored wish, so it
 * stays true when access is given or taken back elsewhere (the browser's extension settings).
 */
export function DetectionSettings() {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const refresh = () => {
      detectionGranted().then(setGranted, () => setGranted(false));
    };
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  const change = (input: HTMLInputElement) => {
    const wanted = input.checked;
    // The request has to start inside this event: nothing is awaited before it.
    const done = wanted ? requestDetection() : revokeDetection().then(() => false);
    done
      .then(
        (on) => on,
        () => false,
      )
      .then(async (on) => {
        const now = on || (await detectionGranted());
        input.checked = now;
        setGranted(now);
        setStatus(now ? t('detectionOn') : wanted ? t('detectionDenied') : t('detectionOff'));
      })
      .catch(logError); // the browser could not say what it granted: the switch stays as the person left it
  };

  return (
    <section class="pi-panel" id="detection" aria-labelledby="detection-heading">
      <h2 id="detection-heading">{t('detectionHeading')}</h2>
      <label class="pi-choice pi-detection-toggle">
        <input
          type="checkbox"
          checked={granted === true}
          disabled={granted === null}
          aria-describedby="detection-what detection-privacy"
          onChange={(e) => change(e.currentTarget)}
        />
        {t('detectionToggle')}
      </label>
      <div id="detection-what">
        <p>{t('detectionWhat')}</p>
        <ul class="pi-detection-what">
          <li>{t('detectionWhatDom')}</li>
          <li>{t('detectionWhatCookies')}</li>
          <li>{t('detectionWhatGlobals')}</li>
          <li>
            {t('detectionWhatHeaders', HEADERS)} {t('detectionHeadersRestart')}
          </li>
        </ul>
      </div>
      <p id="detection-privacy">
        {t('detectionPrivacy')} {t('detectionPermission')}
      </p>
      <p class="pi-muted" role="status">
        {status}
      </p>
    </section>
  );
}
