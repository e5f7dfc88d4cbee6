import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { logError } from '@/data/browser/console';
import { t } from '@/data/i18n/translate';
import { askBackground } from '@/data/messaging/extension';
import type { PopupView } from '@/data/messaging/protocol';
import { isSiteEnabled } from '@/data/settings/shape';
import { watchSettings } from '@/data/settings/store';
import { CompanyCard } from '../card/CompanyCard';
import { CompanyBrowser } from './CompanyBrowser';
import { DetectionStatus } from './DetectionStatus';
import { ShowCardHere } from './ShowCardHere';
import { SiteSwitch } from './SiteSwitch';

/** The tab the popup is about: ?tab=, or else the active tab of its own window, where the browser's "current window" is the popup's. */
async function popupTab(tabId: number | null): Promise<number | null> {
  return tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []))[0]?.id ?? null;
}

/** The grid of every company opens in a tab of its own: too wide for a popup. */
function openBrowsePage() {
  browser.tabs.create({ url: browser.runtime.getURL('/browse.html') }).catch(logError);
  window.close();
}

type Company = NonNullable<PopupView['company']>;

/**
 * Whether the company's card is on: as the background said when the popup opened, then as the settings change in
 * any context. The switch turns it on or off the way the card's own button does, through the background.
 */
function useSiteEnabled(company: Company): [boolean, (enabled: boolean) => void] {
  const [enabled, setEnabled] = useState(company.enabled);
  useEffect(() => watchSettings((settings) => setEnabled(isSiteEnabled(settings, company.profile.id))), [company]);
  const change = (wanted: boolean) => {
    askBackground({ type: 'site:set-enabled', companyId: company.profile.id, enabled: wanted }).then((done) => setEnabled(done.enabled), logError);
  };
  return [enabled, change];
}

function CompanyView({ company, onBrowseAll }: { company: Company; onBrowseAll: () => void }) {
  const [enabled, setEnabled] = useSiteEnabled(company);
  return (
    <>
      <SiteSwitch company={company.profile} enabled={enabled} onChange={setEnabled} />
      <ShowCardHere tabId={company.tabId} />
      <CompanyCard company={company.profile} headingId="pi-heading" />
      <button type="button" class="pi-link-button pi-browse-all" onClick={onBrowseAll}>
        {t('browseAll')}
      </button>
    </>
  );
}

/** Toolbar popup: the card for the tab's company with an on/off switch, or "no profile" and the browser. */
export function PopupApp({ tabId }: { tabId: number | null }) {
  const [view, setView] = useState<PopupView | null>(null);
  const [tab, setTab] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  // "Browse all companies" pressed on a company's card: the list replaces it, with the search focused.
  const [browsingAll, setBrowsingAll] = useState(false);

  // Everything the popup shows, in one message to the background.
  useEffect(() => {
    popupTab(tabId)
      .then((id) => {
        setTab(id);
        return askBackground({ type: 'popup:open', tabId: id });
      })
      .then(setView, (e: unknown) => setError(String(e)));
  }, [tabId]);

  return (
    <main class="pi-popup">
      <div class="pi-popup-bar">
        <span class="pi-brand">Python Inside</span>
        <button
          type="button"
          class="pi-link-button"
          onClick={() => {
            browser.runtime.openOptionsPage().catch(logError);
          }}
        >
          {t('options')}
        </button>
      </div>
      {!view && !error && <p class="pi-muted">{t('loading')}</p>}
      {error !== null && (
        <p class="pi-error" role="alert">
          {t('readError', error)}
        </p>
      )}
      {view?.company && !browsingAll && <CompanyView company={view.company} onBrowseAll={() => setBrowsingAll(true)} />}
      {view && (!view.company || browsingAll) && (
        <>
          {!browsingAll && (
            <>
              <p class="pi-no-profile">{t('noProfile')}</p>
              <DetectionStatus answer={view.detection} tabId={tab} />
            </>
          )}
          <CompanyBrowser companies={view.companies} focusSearch={browsingAll} />
        </>
      )}
      {(view || error !== null) && (
        <button type="button" class="pi-link-button pi-open-grid" onClick={openBrowsePage}>
          {t('seeGrid')}
        </button>
      )}
    </main>
  );
}
