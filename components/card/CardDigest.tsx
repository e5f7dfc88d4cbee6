import { AREAS } from '@/data/profiles/areas';
import { areaLabel } from '@/data/i18n/labels';
import { t } from '@/data/i18n/translate';
import type { CompanyProfile } from '@/data/profiles/schema';
import { freshness } from './card-content';
import { isOwnSource } from '@/data/profiles/source-kinds';
import { CardHead } from './CardHead';
import { ToolChips } from './ToolChips';

interface Props {
  company: CompanyProfile;
  headingId: string;
  onShowAll: () => void;
}

const MAX_TOOLS = 6;

/**
 * The card as it first appears in a page: who, what Python does there in one sentence, where and with which
 * tools, and how the claims are sourced. The full profile renders only when asked for: laying out every use and
 * source is most of what the card costs a page (see the README's Performance section).
 */
export function CardDigest({ company, headingId, onShowAll }: Props) {
  const areas = AREAS.filter((a) => company.uses.some((u) => u.area === a)).map(areaLabel);
  const tools = [...new Set(company.uses.flatMap((u) => u.tools))];
  const own = company.sources.filter((s) => isOwnSource(s.kind)).length;
  const third = company.sources.length - own;
  return (
    <article class="pi-card" aria-labelledby={headingId}>
      <CardHead company={company} headingId={headingId} />
      <p class="pi-digest-line">
        <span class="pi-label">{t('pythonFor')}</span> {areas.join(', ')}
      </p>
      <ToolChips tools={tools} links={company.toolLinks} max={MAX_TOOLS} />
      <p class="pi-digest-line">
        <span class="pi-label">{t('sources')}</span> {t('sourcesOwn', own, company.name)}
        {third ? t('sourcesThirdParty', third) : ''}
      </p>
      <p class="pi-digest-line pi-freshness">{freshness(company)}</p>
      <button type="button" class="pi-link-button pi-show-all" onClick={onShowAll}>
        {t('showAll', company.uses.length, company.sources.length)}
      </button>
    </article>
  );
}
