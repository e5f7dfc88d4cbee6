import type { Detection, Evidence } from '@/data/detection/types';
import { evidenceFrame, evidenceParts } from '../shared/evidence-text';
import { categoryLabel } from '@/data/i18n/labels';
import { t } from '@/data/i18n/translate';
import { ShowCardHere } from './ShowCardHere';

/** One piece of evidence: what was found, as code, with the part the rule looked for marked. */
function EvidenceLine({ evidence }: { evidence: Evidence }) {
  const [before, after] = evidenceFrame(evidence);
  const [lead, matched, rest] = evidenceParts(evidence);
  return (
    <li>
      {before}
      <code>
        {lead}
        {matched && <mark>{matched}</mark>}
        {rest}
      </code>
      {after}
    </li>
  );
}

/** One detected technology: name (linking to its site), kind, confidence, and every piece of evidence. */
function DetectionItem({ detection }: { detection: Detection }) {
  const headingId = `pi-detected-${detection.id}`;
  return (
    <li class="pi-detection" aria-labelledby={headingId}>
      <div class="pi-detection-head">
        <h3 id={headingId}>
          <a class="pi-link" href={detection.website} target="_blank" rel="noreferrer">
            {detection.name}
          </a>
        </h3>
        <span class={`pi-confidence pi-confidence-${detection.confidence}`} title={t('confidenceHelp')}>
          {t(detection.confidence === 'high' ? 'confidenceHigh' : 'confidenceMedium')}
        </span>
      </div>
      <p class="pi-muted pi-detection-kind">{categoryLabel(detection.category)}</p>
      <ul class="pi-evidence" aria-label={t('evidenceLabel', detection.name)}>
        {detection.evidence.map((e) => (
          <EvidenceLine key={`${e.kind}:${e.subject}:${e.value ?? ""}`} evidence={e} />
        ))}
      </ul>
    </li>
  );
}

/**
 * The popup's report for a page without a profile: what the detector found there, with the evidence, and (for a
 * tab) "Show on page", which shows the same in a card on the page.
 */
export function DetectionReport({ detections, tabId }: { detections: Detection[]; tabId: number | null }) {
  return (
    <section class="pi-detections" aria-labelledby="pi-detected-heading">
      <h2 id="pi-detected-heading">{t('detectedHeading')}</h2>
      <p class="pi-muted">{t('detectedIntro')}</p>
      {tabId !== null && <ShowCardHere tabId={tabId} detections />}
      <ul class="pi-detection-list">
        {detections.map((d) => (
          <DetectionItem key={d.id} detection={d} />
        ))}
      </ul>
    </section>
  );
}
