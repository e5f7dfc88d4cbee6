/**
 * What the detection card shows: every technology the detector found on the page, its name linking to its
 * website, its kind and confidence, and each piece of evidence, worded as in the popup (evidence-text.ts).
 */
import { evidenceFrame, evidenceParts } from '@/components/shared/evidence-text';
import type { Detection, Evidence } from '@/data/detection/types';
import { categoryLabel } from '@/data/i18n/labels';
import { t } from '@/data/i18n/translate';
import { el } from './dom';

/** The toolbar badge's mark for signs of Python, so the card's tab is never taken for a profile's. */
export const DETECTED_MARK = 'Py?';
const HEADING_ID = 'python-inside-heading';

/** As the popup draws it: the frame, the code, and in it the part the rule looked for marked. */
function evidenceLine(evidence: Evidence): HTMLLIElement {
  const [before, after] = evidenceFrame(evidence);
  const [lead, matched, rest] = evidenceParts(evidence);
  return el('li', {}, before, el('code', {}, lead, ...(matched ? [el('mark', {}, matched)] : []), rest), after);
}

function technology(detection: Detection): HTMLLIElement {
  const headingId = `pi-detected-${detection.id}`;
  return el(
    'li',
    { class: 'pi-detection', 'aria-labelledby': headingId },
    el(
      'div',
      { class: 'pi-detection-head' },
      el('h3', { id: headingId }, el('a', { href: detection.website, target: '_blank', rel: 'noopener noreferrer' }, detection.name)),
      el(
        'span',
        { class: `pi-confidence pi-confidence-${detection.confidence}`, title: t('confidenceHelp') },
        t(detection.confidence === 'high' ? 'confidenceHigh' : 'confidenceMedium'),
      ),
    ),
    el('p', { class: 'pi-detection-kind' }, categoryLabel(detection.category)),
    el('ul', { class: 'pi-evidence', 'aria-label': t('evidenceLabel', detection.name) }, ...detection.evidence.map(evidenceLine)),
  );
}

/** The card for what was found: named as the toolbar button's tooltip names it ("Signs of Python: Django, Gunicorn"). */
export function detectionContent(detections: readonly Detection[]): { label: string; tabName: string; body: HTMLElement } {
  const names = detections.map((d) => d.name).join(', ');
  return {
    label: t('badgeDetected', names),
    tabName: names,
    body: el(
      'article',
      { class: 'pi-card', 'aria-labelledby': HEADING_ID },
      el('header', { class: 'pi-card-header' }, el('h2', { class: 'pi-title', id: HEADING_ID }, t('detectedHeading'))),
      el('p', { class: 'pi-summary' }, t('detectedIntro')),
      el('ul', { class: 'pi-detection-list' }, ...detections.map(technology)),
    ),
  };
}
