import { useEffect, useState } from 'preact/hooks';
import { loadDataset } from '@/data/dataset-client';
import type { CompanyProfile } from '@/data/schema';
import { DEFAULT_SETTINGS, withSiteEnabled } from '@/data/settings-shape';
import { BehaviourForm } from './BehaviourForm';
import { SettingsTransfer } from './SettingsTransfer';
import { SiteList } from './SiteList';
import { useSettings } from './useSettings';

/** Options page: sites on/off, card behaviour, reset, and what data the extension carries. */
export function OptionsApp() {
  const [settings, updateSettings] = useSettings();
  const [companies, setCompanies] = useState<CompanyProfile[] | null>(null);
  const [version, setVersion] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    loadDataset()
      .then((dataset) => {
        setVersion(dataset.version);
        setProblem(dataset.problem);
        setCompanies(dataset.companies);
      })
      .catch((e: unknown) => setError(`Could not read the profiles: ${String(e)}`));
  }, []);

  const save = (change: Parameters<typeof updateSettings>[0], message = 'Saved') =>
    updateSettings(change).then(
      () => setStatus(message),
      (e: unknown) => setError(`Could not save: ${String(e)}`),
    );

  return (
    <main class="pi-options">
      <div class="pi-browse-header">
        <h1>Python Inside</h1>
        <a class="pi-link" href="/browse.html">
          See who uses Python for what
        </a>
      </div>
      <p class="pi-muted">Changes apply at once. Nothing you do here leaves your browser, except through your browser's own settings sync.</p>
      {error && (
        <p class="pi-error" role="alert">
          {error}
        </p>
      )}
      {problem && (
        <p class="pi-notice" role="status">
          The profile database could not be used ({problem}), so Python Inside is working from its built-in copy of the
          profiles. Everything still works; the database is repaired the next time the browser starts.
        </p>
      )}
      {(!settings || !companies) && !error && <p class="pi-muted">Loading…</p>}
      {settings && companies && (
        <>
          <SiteList
            companies={companies}
            settings={settings}
            onToggle={(id, enabled) => void save((s) => withSiteEnabled(s, id, enabled))}
            onSetAll={(ids, enabled) => void save((s) => ids.reduce((acc, id) => withSiteEnabled(acc, id, enabled), s))}
          />
          <BehaviourForm settings={settings} onChange={(patch) => void save((s) => ({ ...s, ...patch }))} />
          <SettingsTransfer settings={settings} onImport={(imported) => updateSettings(() => imported)} />
          <section class="pi-panel" aria-labelledby="reset-heading">
            <h2 id="reset-heading">Reset</h2>
            <p class="pi-muted">Turns every site back on and restores the default card behaviour.</p>
            <button
              type="button"
              class="pi-button pi-quiet"
              onClick={() => void save(() => ({ ...DEFAULT_SETTINGS }), 'Settings reset to defaults')}
            >
              Reset to defaults
            </button>
          </section>
          <section class="pi-panel" aria-labelledby="about-heading">
            <h2 id="about-heading">Data</h2>
            <p>
              {companies.length} company profiles, dataset version <code>{version}</code>. Every fact cites a source you
              can open. The data ships with the extension; it never contacts a server.
            </p>
          </section>
        </>
      )}
      <p class="pi-status" role="status">
        {status}
      </p>
    </main>
  );
}
