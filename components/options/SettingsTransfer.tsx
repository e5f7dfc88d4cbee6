import { useState } from 'preact/hooks';
import { SETTINGS_FILE_NAME, settingsFromFile, settingsToFile } from './settings-file';
import type { Settings } from '@/data/settings/shape';
import { logError } from '@/data/browser/console';
import { t } from '@/data/i18n/translate';

interface Props {
  settings: Settings;
  /** Replaces every setting; resolves once saved. */
  onImport: (settings: Settings) => Promise<unknown>;
}

/** Export the settings to a JSON file, or import one: a bad file gets a clear error and changes nothing. */
export function SettingsTransfer({ settings, onImport }: Props) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([settingsToFile(settings)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = SETTINGS_FILE_NAME;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ text: t('exported', SETTINGS_FILE_NAME), error: false });
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must trigger a new import
    if (!file) return;
    const parsed = settingsFromFile(await file.text());
    if ('error' in parsed) return setMessage({ text: parsed.error, error: true });
    await onImport(parsed.settings).then(
      () => setMessage({ text: t('imported', file.name), error: false }),
      (e: unknown) => setMessage({ text: t('importSaveError', String(e)), error: true }),
    );
  };

  return (
    <section class="pi-panel" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('transferHeading')}</h2>
      <p class="pi-muted">{t('transferIntro')}</p>
      <div class="pi-toolbar">
        <button type="button" class="pi-button pi-quiet" onClick={exportFile}>
          {t('exportSettings')}
        </button>
        <label class="pi-button pi-quiet pi-file-button">
          {t('importSettings')}
          <input type="file" accept="application/json,.json" onChange={(e) => {
              importFile(e.currentTarget).catch(logError);
            }} />
        </label>
      </div>
      {message && (
        <p class={message.error ? 'pi-error' : 'pi-muted'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
