// Evidence as plain text, for assertions; the popup shows it with the found part as code.
import { evidenceCode, evidenceFrame } from '@/components/shared/evidence-text';
import type { Evidence } from '@/data/detection/types';

/** A piece of evidence as one line of plain text ("cookie csrftoken"). */
export const evidenceText = (e: Evidence) => evidenceFrame(e).join(evidenceCode(e));
