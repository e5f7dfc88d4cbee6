import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '@/data/messaging/extension';
import type { CompanyProfile } from '@/data/profiles/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/data/settings/shape';
import { setSitesEnabled, updateSettings } from '@/data/settings/store';
import { BehaviourForm } from './BehaviourForm';
import { DetectionSettings } from './DetectionSettings';
import { SettingsTransfer } from './SettingsTransfer';
import { SiteList } from './SiteList';
import { useSettings } from './useSettings';
import { t } from '@/data/i18n/translate';

/**
 * When the most recently reviewed profile was reviewed, as a date in the page's language: what a reader can
 * make of the dataset's age (its version is a hash, which says nothing to a person).
 */
function newestReview(companies: CompanyProfile[]): string {
  const newest = companies.reduce((latest, c) => (c.reviewed > latest ? c.reviewed : latest), '');
  if (!newest) return '';
  return new Date(`${newest}T00:00:00Z`).toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: 'long', timeZone: 'UTC' });
}

/** Options page: card behaviour, sites on/off, detection, backup, reset, and what data the extension carries. */
export function OptionsApp() {
  const [settings, saved] = useSettings();
  const [companies, setCompanies] = useState<CompanyProfile[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  // Every profile, and why the background answers from its bundled copy when IndexedDB fails, in one message.
  useEffect(() => {
    askBackground({ type: 'dataset:companies' })
      .then((dataset) => {
        setProblem(dataset.problem);
        setCompanies(dataset.companies);
      })
      .catch((e: unknown) => setError(t('readError', String(e))));
  }, []);

  /** Shows a write once it is stored, and says so; a failure is shown. */
  const save = (write: Promise<Settings>, message = t('saved')): void => {
    saved(write).then(
      () => setStatus(message),
      (e: unknown) => setError(t('saveError', String(e))),
    );
  };

  return (
    <main class="pi-options">
      <div class="pi-browse-header">
        <h1>Python Inside</h1>
        <a class="pi-link" href="/browse.html">
          {t('seeGrid')}
        </a>
      </div>
      <p class="pi-muted">{t('optionsIntro')}</p>
      {error && (
        <p class="pi-error" role="alert">
          {error}
        </p>
      )}
      {problem && (
        <p class="pi-notice" role="status">
          {t('dbNotice', problem)}
        </p>
      )}
      {(!settings || !companies) && !error && <p class="pi-muted">{t('loading')}</p>}
      {settings && companies && (
        <>
          {/* How the card behaves comes first: a handful of controls, which the long list of sites would bury. */}
          <BehaviourForm settings={settings} onChange={(patch) => save(updateSettings((s) => ({ ...s, ...patch })))} />
          <SiteList
            companies={companies}
            settings={settings}
            onToggle={(id, enabled) => save(setSitesEnabled([id], enabled))}
            onSetAll={(ids, enabled) => save(setSitesEnabled(ids, enabled))}
          />
          <DetectionSettings />
          <SettingsTransfer settings={settings} onImport={(imported) => saved(updateSettings(() => imported))} />
          <section class="pi-panel" aria-labelledby="reset-heading">
            <h2 id="reset-heading">{t('resetHeading')}</h2>
            <p class="pi-muted">{t('resetIntro')}</p>
            <button
              type="button"
              class="pi-button pi-quiet"
              onClick={() => save(updateSettings(() => ({ ...DEFAULT_SETTINGS })), t('resetDone'))}
            >
              {t('resetButton')}
            </button>
          </section>
          <section class="pi-panel" aria-labelledby="about-heading">
            <h2 id="about-heading">{t('dataHeading')}</h2>
            <p>{t('dataText', companies.length, newestReview(companies))}</p>
          </section>
        </>
      )}
      <p class="pi-status" role="status">
        {status}
      </p>
    </main>
  );
}
