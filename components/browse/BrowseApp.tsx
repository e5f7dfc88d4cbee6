import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { areaGrid, profileHash, type GridOrder } from './area-grid';
import { loadDataset } from '@/data/storage/dataset-client';
import type { CompanyProfile } from '@/data/profiles/schema';
import { searchProfiles } from '@/data/search/search';
import { whyMatched } from '@/data/search/reasons';
import { isOwnSource } from '@/data/profiles/source-kinds';
import { AreaGrid } from './AreaGrid';
import { CompanyCard } from '../card/CompanyCard';
import { SearchField } from '../shared/SearchField';
import { useHashRoute } from './useHashRoute';
import { t } from '@/data/i18n/translate';

/** browse.html: who uses Python for what, as a grid; #/company/<id>[/<area>] opens one profile. */
export function BrowseApp() {
  const [companies, setCompanies] = useState<CompanyProfile[] | null>(null);
  const [error, setError] = useState('');
  const route = useHashRoute();

  useEffect(() => {
    loadDataset()
      .then((dataset) => setCompanies(dataset.companies), (e: unknown) => setError(t('readError', String(e))));
  }, []);

  const chosen = route && companies?.find((c) => c.id === route.id);
  return (
    <main class="pi-browse">
      <header class="pi-browse-header">
        <h1>{t('browseTitle')}</h1>
        <a class="pi-link" href="/options.html">
          {t('options')}
        </a>
      </header>
      {error && (
        <p class="pi-error" role="alert">
          {error}
        </p>
      )}
      {!companies && !error && <p class="pi-muted">{t('loading')}</p>}
      {companies && route && !chosen && (
        <p class="pi-error" role="alert">
          {t('noProfileCalled', route.id)} <a href="#/">{t('seeAllCompanies')}</a>
        </p>
      )}
      {companies && chosen && <ProfileView company={chosen} area={route.area} />}
      {companies && !route && <GridView companies={companies} />}
    </main>
  );
}

function datasetFigures(companies: readonly CompanyProfile[]): string {
  const uses = companies.reduce((n, c) => n + c.uses.length, 0);
  const sources = companies.flatMap((c) => c.sources);
  const own = sources.filter((s) => isOwnSource(s.kind)).length;
  return t('browseFigures', companies.length, uses, sources.length, own);
}

// Survives going to a profile and back, so the reader returns to the grid as they left it.
let lastQuery = '';
let lastOrder: GridOrder = 'name';
let lastProfile: string | null = null;

function GridView({ companies }: { companies: readonly CompanyProfile[] }) {
  const [query, setQuery] = useState(lastQuery);
  const [order, setOrder] = useState<GridOrder>(lastOrder);
  lastQuery = query;
  lastOrder = order;
  const hits = searchProfiles(companies, query);
  const results = hits.map((hit) => hit.profile);
  const grid = areaGrid(results, order);
  const why = new Map(hits.map((hit) => [hit.profile.id, whyMatched(hit.reasons)]));

  // Coming back from a profile: put focus on that company's row, where the reader left.
  useLayoutEffect(() => {
    if (lastProfile) document.querySelector<HTMLElement>(`.pi-grid-company a[href="${profileHash(lastProfile)}"]`)?.focus();
    lastProfile = null;
  }, []);

  return (
    <>
      <p class="pi-muted">
        {t('browseIntro')} {datasetFigures(companies)}
      </p>
      <div class="pi-browse-tools">
        <SearchField label={t('filterCompanies')} value={query} placeholder={t('searchPlaceholder')} onInput={setQuery} />
        <label class="pi-field">
          {t('sortBy')}
          <select value={order} onChange={(e) => setOrder((e.currentTarget as HTMLSelectElement).value as GridOrder)}>
            <option value="name">{t('sortName')}</option>
            <option value="breadth">{t('sortBreadth')}</option>
            <option value="recent">{t('sortRecent')}</option>
          </select>
        </label>
      </div>
      <p class="pi-count" role="status">
        {results.length === companies.length ? t('countAll', companies.length) : t('countSome', results.length, companies.length)}
      </p>
      {results.length > 0 ? (
        <AreaGrid grid={grid} caption={t('gridCaption', results.length)} why={why} />
      ) : (
        <p class="pi-empty">{t('noMatch', query)}</p>
      )}
    </>
  );
}

function ProfileView({ company, area }: { company: CompanyProfile; area: string | null }) {
  const section = useRef<HTMLElement>(null);
  lastProfile = company.id;

  // A new profile or area: scroll there and move focus, so keyboard and screen-reader users land on it too.
  useLayoutEffect(() => {
    const target = (area && section.current?.querySelector<HTMLElement>(`[data-area="${area}"]`)) || section.current;
    if (!target) return;
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  }, [company.id, area]);

  return (
    <section ref={section} class="pi-profile" aria-labelledby="pi-profile-heading">
      <a class="pi-link pi-back" href="#/">
        {t('backToAll')}
      </a>
      <CompanyCard company={company} headingId="pi-profile-heading" highlightArea={area} />
    </section>
  );
}
