import { t } from '@/data/i18n/translate';
import type { TabDetectionResponse } from '@/data/messaging/protocol';
import { DetectionReport } from './DetectionReport';
import { openExtensionTab } from './popup-api';

/** The options page at its detection section (the popup's bar already links to the page as a whole). */
const openDetectionSettings = () => openExtensionTab('/options.html#detection', false);

/**
 * The popup on a site without a profile: the detector's findings when it is on, a plain "nothing found" or
 * "not checked yet", and when it is off, one line saying where to turn it on.
 */
export function DetectionStatus({ answer, tabId }: { answer: TabDetectionResponse | null; tabId: number | null }) {
  if (!answer) return null;
  if (!answer.granted) {
    return (
      <p class="pi-muted pi-detection-hint">
        {t('detectionOffHint')}{' '}
        <button type="button" class="pi-link-button" onClick={openDetectionSettings}>
          {t('detectionOpenSettings')}
        </button>
      </p>
    );
  }
  if (!answer.checkable) return null;
  if (answer.detections === null) return <p class="pi-muted pi-detection-hint">{t('detectedPending')}</p>;
  if (!answer.detections.length) return <p class="pi-muted pi-detection-hint">{t('detectedNone')}</p>;
  return <DetectionReport detections={answer.detections} tabId={tabId} />;
}
