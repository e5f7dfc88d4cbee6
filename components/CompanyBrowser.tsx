import { useState } from 'preact/hooks';
import { domainSummary } from '@/data/card-content';
import type { CompanyProfile } from '@/data/schema';
import { matchingAreas, matchingTools, searchProfiles } from '@/data/search';
import { CompanyCard } from './CompanyCard';
import { SearchField } from './SearchField';

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
          ← All companies
        </button>
        <CompanyCard company={chosen} headingId="pi-chosen-heading" />
      </div>
    );
  }

  const results = searchProfiles(companies, query);
  return (
    <div class="pi-browser">
      <SearchField label="Search companies" value={query} placeholder="Name, domain, tool or area (e.g. Django)" onInput={setQuery} />
      <p class="pi-count" role="status">
        {results.length === companies.length
          ? `${companies.length} companies`
          : `${results.length} of ${companies.length} companies`}
      </p>
      <ul class="pi-company-list">
        {results.map((c) => {
          const tools = matchingTools(c, query);
          const areas = tools.length ? [] : matchingAreas(c, query);
          return (
            <li key={c.id}>
              <button type="button" class="pi-company" onClick={() => setChosen(c)}>
                <span class="pi-company-name">{c.name}</span>
                <span class="pi-company-meta">{tools.length ? `Uses ${tools.join(', ')}` : areas.length ? `Python for ${areas.join(', ').toLowerCase()}` : domainSummary(c.domains)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {results.length === 0 && <p class="pi-empty">No company matches “{query}”.</p>}
    </div>
  );
}
