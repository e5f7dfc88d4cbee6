import { AUTO_HIDE_CHOICES, POSITIONS, SHOW_MODES, type Settings } from '@/data/settings-shape';
import { t, type MessageKey } from '@/data/i18n';

const SHOW_MODE_LABELS: Record<Settings['showMode'], MessageKey> = {
  'every-load': 'modeEveryLoad',
  'once-per-session': 'modeOnce',
  never: 'modeNever',
};
const POSITION_LABELS: Record<Settings['position'], MessageKey> = {
  'bottom-right': 'positionBottomRight',
  'bottom-left': 'positionBottomLeft',
  'top-right': 'positionTopRight',
  'top-left': 'positionTopLeft',
};

interface Props {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}

/** How the card behaves on the page. Every control applies at once. */
export function BehaviourForm({ settings, onChange }: Props) {
  const autoHideChoices: readonly number[] = AUTO_HIDE_CHOICES.includes(settings.autoHideSeconds as never)
    ? AUTO_HIDE_CHOICES
    : [...AUTO_HIDE_CHOICES, settings.autoHideSeconds].sort((a, b) => a - b);
  return (
    <section class="pi-panel" aria-labelledby="behaviour-heading">
      <h2 id="behaviour-heading">{t('behaviourHeading')}</h2>
      <fieldset>
        <legend>{t('showTheCard')}</legend>
        {SHOW_MODES.map((mode) => (
          <label class="pi-choice" key={mode}>
            <input
              type="radio"
              name="showMode"
              value={mode}
              checked={settings.showMode === mode}
              onChange={() => onChange({ showMode: mode })}
            />
            {t(SHOW_MODE_LABELS[mode])}
          </label>
        ))}
      </fieldset>
      <label class="pi-field">
        <span>{t('corner')}</span>
        <select
          value={settings.position}
          onChange={(e) => onChange({ position: (e.currentTarget as HTMLSelectElement).value as Settings['position'] })}
        >
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {t(POSITION_LABELS[p])}
            </option>
          ))}
        </select>
      </label>
      <label class="pi-field">
        <span>{t('hideAutomatically')}</span>
        <select
          value={String(settings.autoHideSeconds)}
          onChange={(e) => onChange({ autoHideSeconds: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {autoHideChoices.map((s) => (
            <option key={s} value={String(s)}>
              {s === 0 ? t('hideNever') : t('hideAfter', s)}
            </option>
          ))}
        </select>
      </label>
      <p class="pi-muted">{t('countdownNote')}</p>
    </section>
  );
}
