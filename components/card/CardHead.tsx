import { t } from '@/data/i18n/translate';
import type { CompanyProfile } from '@/data/profiles/schema';

/** How every form of the card begins, the digest and the full profile alike: who, part of what, and in one sentence. */
export function CardHead({ company, headingId }: { company: CompanyProfile; headingId: string | undefined }) {
  return (
    <>
      <header class="pi-card-header">
        <h2 class="pi-title" id={headingId}>
          {company.name}
        </h2>
        {company.parent && <p class="pi-parent">{t('partOf', company.parent)}</p>}
      </header>
      <p class="pi-summary">{company.summary}</p>
    </>
  );
}
