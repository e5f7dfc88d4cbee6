import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadDataset } from '@/data/storage/dataset-client';
import type { CompanyProfile } from '@/data/profiles/schema';
import { isSiteEnabled, withSiteEnabled } from '@/data/settings/shape';
import { companyForTab } from '@/data/tab-company';
import { CompanyBrowser } from './CompanyBrowser';
import { CompanyCard } from '../card/CompanyCard';
import { DetectionStatus } from './DetectionStatus';
import { ShowCardHere } from './ShowCardHere';
import { SiteSwitch } from './SiteSwitch';
import { useSettings } from '../shared/useSettings';
import { logError } from '@/data/browser/console';
import { t } from '@/data/i18n/translate';

type State =
  | { kind: 'loading' }
  | { kind: 'company'; company: CompanyProfile; tabId: number }
  | { kind: 'browse'; companies: CompanyProfile[]; fromCompany: boolean }
  | { kind: 'error'; message: string };

/** The grid of every company opens in a tab of its own: too wide for a popup. */
function openBrowsePage() {
  browser.tabs.create({ url: browser.runtime.getURL('/browse.html') }).catch(logError);
  window.close();
}

/** Toolbar popup: the card for the tab's company with an on/off switch, or "no profile" and the browser. */
export function PopupApp({ tabId }: { tabId: number | null }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [settings, updateSettings] = useSettings();
  const [all, setAll] = useState<CompanyProfile[]>([]);

  useEffect(() => {
    loadDataset()
      .then(async ({ companies }) => {
        setAll(companies);
        const found = await companyForTab(tabId, companies);
        setState(found ? { kind: 'company', ...found } : { kind: 'browse', companies, fromCompany: false });
      })
      .catch((error: unknown) => setState({ kind: 'error', message: String(error) }));
  }, [tabId]);

  const browseAll = () => setState({ kind: 'browse', companies: all, fromCompany: true });

  return (
    <main class="pi-popup">
      <div class="pi-popup-bar">
        <span class="pi-brand">Python Inside</span>
        <button type="button" class="pi-link-button" onClick={() => {
            browser.runtime.openOptionsPage().catch(logError);
          }}>
          {t('options')}
        </button>
      </div>
      {state.kind === 'loading' && <p class="pi-muted">{t('loading')}</p>}
      {state.kind === 'error' && (
        <p class="pi-error" role="alert">
          {t('readError', state.message)}
        </p>
      )}
      {state.kind === 'company' && (
        <>
          {settings && (
            <SiteSwitch
              company={state.company}
              enabled={isSiteEnabled(settings, state.company.id)}
              onChange={(enabled) => {
                updateSettings((s) => withSiteEnabled(s, state.company.id, enabled)).catch(logError);
              }}
            />
          )}
          <ShowCardHere tabId={state.tabId} />
          <CompanyCard company={state.company} headingId="pi-heading" />
          <button type="button" class="pi-link-button pi-browse-all" onClick={browseAll}>
            {t('browseAll')}
          </button>
        </>
      )}
      {state.kind === 'browse' && (
        <>
          {!state.fromCompany && (
            <>
              <p class="pi-no-profile">{t('noProfile')}</p>
              <DetectionStatus tabId={tabId} />
            </>
          )}
          <CompanyBrowser companies={state.companies} focusSearch={state.fromCompany} />
        </>
      )}
      {state.kind !== 'loading' && (
        <button type="button" class="pi-link-button pi-open-grid" onClick={openBrowsePage}>
          {t('seeGrid')}
        </button>
      )}
    </main>
  );
}
