import { cardContent, freshness } from './card-content';
import { CardHead } from './CardHead';
import { ToolChips } from './ToolChips';
import type { CompanyProfile } from '@/data/profiles/schema';
import { t } from '@/data/i18n/translate';
import { sourceKindLabel } from '@/data/i18n/labels';
import { isOwnSource } from '@/data/profiles/source-kinds';

interface Props {
  company: CompanyProfile;
  /** id for the heading, so a surrounding landmark can point at it */
  headingId?: string;
  /** an area to mark, when the reader came from that cell of the grid */
  highlightArea?: string | null;
}

/** Everything the extension knows about one company, as text: summary, uses by area, languages, sources. */
export function CompanyCard({ company, headingId, highlightArea }: Props) {
  const { groups, sources } = cardContent(company);
  return (
    <article class="pi-card" aria-labelledby={headingId}>
      <CardHead company={company} headingId={headingId} />

      {groups.map((group) => (
        <section
          class={group.area === highlightArea ? 'pi-area pi-area-highlight' : 'pi-area'}
          key={group.area}
          data-area={group.area}
          aria-label={group.label}
        >
          <h3 class="pi-area-title">{group.label}</h3>
          <ul class="pi-uses">
            {group.uses.map((use, i) => (
              <li class="pi-use" key={i}>
                {/* A no-break space: the source numbers stay with the sentence's last word, never alone on a line. */}
                <span class="pi-use-text">{use.text}</span>{'\u00a0'}
                <span class="pi-refs" aria-label={t('sourceNumbers', use.sourceNumbers.join(', '))}>
                  {use.sourceNumbers.map((n) => `[${n}]`).join('')}
                </span>
                {use.until !== undefined && <span class="pi-until">{t('untilYear', use.until)}</span>}
                <ToolChips tools={use.tools} links={company.toolLinks} />
              </li>
            ))}
          </ul>
        </section>
      ))}

      {company.otherLanguages.length > 0 && (
        <p class="pi-languages">
          <span class="pi-label">{t('alsoUses')}</span> {company.otherLanguages.join(', ')}
        </p>
      )}

      <section class="pi-sources" aria-label={t('sources')}>
        <h3 class="pi-area-title">{t('sources')}</h3>
        <p class="pi-freshness">{freshness(company)}</p>
        <ol>
          {sources.map((s) => (
            <li key={s.id} value={s.number}>
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
              <span class="pi-source-meta">
                {' '}
                {s.meta}
              </span>{' '}
              <span class={`pi-kind ${isOwnSource(s.kind) ? 'pi-kind-own' : 'pi-kind-third'}`} title={sourceKindLabel(s.kind).long}>
                {sourceKindLabel(s.kind).tag}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
