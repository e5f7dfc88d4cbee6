import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CompanyProfile } from '@/data/profiles/schema';
import { reviewedMonth } from '@/data/i18n/dates';
import { companyCardParts } from './company-card';

interface Props {
  company: CompanyProfile;
  /** id for the heading, so a surrounding landmark can point at it */
  headingId?: string;
  /** an area to mark, when the reader came from that cell of the grid */
  highlightArea?: string | null;
}

/**
 * Everything the extension knows about one company, for the extension's own pages (popup, browse). The nodes are
 * the ones the card draws in a web page without a framework (company-card.ts), so both look and read the same;
 * they are in place before the page paints, and before a parent's layout effect moves focus into them.
 */
export function CompanyCard({ company, headingId, highlightArea }: Props) {
  const article = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    article.current?.replaceChildren(...companyCardParts(company, reviewedMonth(company.reviewed), headingId, highlightArea));
  }, [company, headingId, highlightArea]);
  return <article class="pi-card" aria-labelledby={headingId} ref={article} />;
}
