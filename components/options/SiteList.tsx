import { useState } from 'preact/hooks';
import type { CompanyProfile } from '@/data/profiles/schema';
import { searchProfiles } from '@/data/search/search';
import { whyMatched } from '@/data/search/reasons';
import { isSiteEnabled, type Settings } from '@/data/settings/shape';
import { SearchField } from '../shared/SearchField';
import { t } from '@/data/i18n/translate';

const SHORT_LIST = 8;

/** A company's domains; long lists (Google's country domains) fold behind a native disclosure. */
function DomainList({ id, domains }: { id: string; domains: readonly string[] }) {
  if (domains.length <= SHORT_LIST) {
    return (
      <span class="pi-domains" id={id}>
        {domains.join(', ')}
      </span>
    );
  }
  return (
    <span class="pi-domains">
      <span id={id}>
        {t('domainsMore', domains.slice(0, SHORT_LIST).join(', '), domains.length - SHORT_LIST)}
      </span>
      <details>
        <summary>{t('showAllDomains', domains.length)}</summary>
        {domains.join(', ')}
      </details>
    </span>
  );
}

interface Props {
  companies: readonly CompanyProfile[];
  settings: Settings;
  onToggle: (companyId: string, enabled: boolean) => void;
  onSetAll: (ids: string[], enabled: boolean) => void;
}

/**
 * One native checkbox per company, labelled with its name, its domains beside it; filter and bulk switches. The
 * filter is the popup's search, and says why each company is shown.
 */
export function SiteList({ companies, settings, onToggle, onSetAll }: Props) {
  const [query, setQuery] = useState('');
  const hits = searchProfiles(companies, query);
  const shown = hits.map((hit) => hit.profile);
  const onCount = companies.filter((c) => isSiteEnabled(settings, c.id)).length;
  const scope = query ? 'shown' : 'all';
  return (
    <section class="pi-panel" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      <p class="pi-muted">{t('sitesIntro', onCount, companies.length)}</p>
      <div class="pi-toolbar">
        <SearchField label={t('filter')} value={query} placeholder={t('filterPlaceholder')} onInput={setQuery} />
        <button type="button" class="pi-button pi-quiet" onClick={() => onSetAll(shown.map((c) => c.id), true)}>
          {scope === 'all' ? t('enableAll') : t('enableShown')}
        </button>
        <button type="button" class="pi-button pi-quiet" onClick={() => onSetAll(shown.map((c) => c.id), false)}>
          {scope === 'all' ? t('disableAll') : t('disableShown')}
        </button>
      </div>
      <ul class="pi-site-list">
        {hits.map(({ profile: c, reasons }) => {
          const why = whyMatched(reasons);
          return (
            <li key={c.id}>
              <input
                type="checkbox"
                id={`site-${c.id}`}
                checked={isSiteEnabled(settings, c.id)}
                aria-describedby={why ? `why-${c.id} domains-${c.id}` : `domains-${c.id}`}
                onChange={(e) => onToggle(c.id, (e.currentTarget as HTMLInputElement).checked)}
              />
              <label for={`site-${c.id}`}>{c.name}</label>
              <span class="pi-site-details">
                {why && (
                  <span class="pi-why" id={`why-${c.id}`}>
                    {why}
                  </span>
                )}
                <DomainList id={`domains-${c.id}`} domains={c.domains} />
              </span>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && <p class="pi-empty">{t('noMatch', query)}</p>}
    </section>
  );
}
