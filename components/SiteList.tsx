import { useState } from 'preact/hooks';
import type { CompanyProfile } from '@/data/schema';
import { searchProfiles } from '@/data/search';
import { isSiteEnabled, type Settings } from '@/data/settings-shape';
import { SearchField } from './SearchField';

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
        {domains.slice(0, SHORT_LIST).join(', ')} and {domains.length - SHORT_LIST} more
      </span>
      <details>
        <summary>Show all {domains.length} domains</summary>
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

/** One native checkbox per company, labelled with its name, its domains beside it; filter and bulk switches. */
export function SiteList({ companies, settings, onToggle, onSetAll }: Props) {
  const [query, setQuery] = useState('');
  const shown = searchProfiles(companies, query);
  const onCount = companies.filter((c) => isSiteEnabled(settings, c.id)).length;
  const scope = query ? 'shown' : 'all';
  return (
    <section class="pi-panel" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p class="pi-muted">
        The card appears on {onCount} of {companies.length} companies' sites. Turning a site off also removes an open card
        and stops the extension from running there.
      </p>
      <div class="pi-toolbar">
        <SearchField label="Filter" value={query} placeholder="Name, domain, tool or area" onInput={setQuery} />
        <button type="button" class="pi-button pi-quiet" onClick={() => onSetAll(shown.map((c) => c.id), true)}>
          Enable {scope}
        </button>
        <button type="button" class="pi-button pi-quiet" onClick={() => onSetAll(shown.map((c) => c.id), false)}>
          Disable {scope}
        </button>
      </div>
      <ul class="pi-site-list">
        {shown.map((c) => (
          <li key={c.id}>
            <input
              type="checkbox"
              id={`site-${c.id}`}
              checked={isSiteEnabled(settings, c.id)}
              aria-describedby={`domains-${c.id}`}
              onChange={(e) => onToggle(c.id, (e.currentTarget as HTMLInputElement).checked)}
            />
            <label for={`site-${c.id}`}>{c.name}</label>
            <DomainList id={`domains-${c.id}`} domains={c.domains} />
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p class="pi-empty">No company matches “{query}”.</p>}
    </section>
  );
}
