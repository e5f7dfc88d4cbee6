import { useState } from 'preact/hooks';
import { domainSummary } from '@/data/card-content';
import type { CompanyProfile } from '@/data/schema';
import { searchProfiles } from '@/data/search';
import { whyMatched } from '@/data/search-reasons';
import { CompanyCard } from './CompanyCard';
import { SearchField } from './SearchField';
import { t } from '@/data/i18n';

interface Props {
  companies: readonly CompanyProfile[];
}

/** Search and browse every profile; choosing one shows its card, with a way back to the list. */
export function CompanyBrowser({ companies }: Props) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<CompanyProfile | null>(null);

  if (chosen) {
    return (
      <div class="pi-browser">
        <button type="button" class="pi-button pi-quiet pi-back" onClick={() => setChosen(null)}>
          {t('backToAll')}
        </button>
        <CompanyCard company={chosen} headingId="pi-chosen-heading" />
      </div>
    );
  }

  const results = searchProfiles(companies, query);
  return (
    <div class="pi-browser">
      <SearchField label={t('searchCompanies')} value={query} placeholder={t('searchPlaceholder')} onInput={setQuery} />
      <p class="pi-count" role="status">
        {results.length === companies.length ? t('countAll', companies.length) : t('countSome', results.length, companies.length)}
      </p>
      <ul class="pi-company-list">
        {results.map(({ profile: c, reasons }) => {
          const why = whyMatched(reasons);
          return (
            <li key={c.id}>
              <button type="button" class="pi-company" onClick={() => setChosen(c)}>
                <span class="pi-company-name">{c.name}</span>
                <span class={why ? 'pi-company-meta pi-why' : 'pi-company-meta'}>{why || domainSummary(c.domains)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {results.length === 0 && <p class="pi-empty">{t('noMatch', query)}</p>}
    </div>
  );
}
