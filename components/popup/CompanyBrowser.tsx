import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { domainSummary } from '../card/card-content';
import type { CompanyProfile } from '@/data/profiles/schema';
import { searchProfiles } from '@/data/search/search';
import { whyMatched } from '@/data/search/reasons';
import { CompanyCard } from '../card/CompanyCard';
import { listKeyTarget } from './list-keys';
import { SearchField } from '../shared/SearchField';
import { t } from '@/data/i18n/translate';

interface Props {
  /** every profile; null while they are read (the search box is there at once, the list follows) */
  companies: readonly CompanyProfile[] | null;
  /** put focus in the search box at once (the reader asked for the list) */
  focusSearch?: boolean;
}

const CHOSEN_HEADING = 'pi-chosen-heading';

/**
 * Search and browse every profile; choosing one shows its card, with a way back to the list. By keyboard:
 * ArrowDown from the search box into the results, arrows, Home and End within them, Enter opens one with focus
 * on its name, and Escape or "All companies" comes back to the same result.
 */
export function CompanyBrowser({ companies, focusSearch = false }: Props) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<CompanyProfile | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // The result opened last: coming back puts focus on it, where the reader left.
  const openedFrom = useRef<string | null>(null);

  // Each view replaces the other, and with it the focused element: without this, focus would fall to <body>.
  useLayoutEffect(() => {
    if (chosen) {
      const heading = document.getElementById(CHOSEN_HEADING);
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    } else if (openedFrom.current) {
      list.current?.querySelector<HTMLElement>(`[data-company="${openedFrom.current}"]`)?.focus();
    } else if (focusSearch) {
      search.current?.focus();
    }
  }, [chosen]);

  if (chosen) {
    return (
      <div
        class="pi-browser"
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault(); // handled: the popup stays open
          setChosen(null);
        }}
      >
        <button type="button" class="pi-button pi-quiet pi-back" onClick={() => setChosen(null)}>
          {t('backToAll')}
        </button>
        <CompanyCard company={chosen} headingId={CHOSEN_HEADING} />
      </div>
    );
  }

  const results = companies ? searchProfiles(companies, query) : [];
  const resultButtons = () => [...(list.current?.querySelectorAll<HTMLElement>('.pi-company') ?? [])];
  const moveFocus = (e: KeyboardEvent, current: number) => {
    const items = resultButtons();
    const target = listKeyTarget(e.key, current, items.length);
    if (target === null) return;
    e.preventDefault(); // the page does not scroll; focus moves instead
    (target < 0 ? search.current : items[target])?.focus();
  };
  return (
    <div class="pi-browser">
      <SearchField
        label={t('searchCompanies')}
        value={query}
        placeholder={t('searchPlaceholder')}
        onInput={setQuery}
        inputRef={search}
        onKeyDown={(e) => e.key === 'ArrowDown' && moveFocus(e, -1)}
      />
      <p class="pi-count" role="status">
        {!companies ? t('loading') : results.length === companies.length ? t('countAll', companies.length) : t('countSome', results.length, companies.length)}
      </p>
      <ul class="pi-company-list" ref={list} onKeyDown={(e) => moveFocus(e, resultButtons().indexOf(e.target as HTMLElement))}>
        {results.map(({ profile: c, reasons }) => {
          const why = whyMatched(reasons);
          return (
            <li key={c.id}>
              <button
                type="button"
                class="pi-company"
                data-company={c.id}
                onClick={() => {
                  openedFrom.current = c.id;
                  setChosen(c);
                }}
              >
                <span class="pi-company-name">{c.name}</span>
                <span class={why ? 'pi-company-meta pi-why' : 'pi-company-meta'}>{why || domainSummary(c.domains)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {companies && results.length === 0 && <p class="pi-empty">{t('noMatch', query)}</p>}
    </div>
  );
}
