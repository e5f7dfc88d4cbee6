import { AUTO_HIDE_CHOICES, MAKE_ROOM_WAYS, POSITIONS, SHOW_MODES, THEMES, type Settings } from '@/data/settings/shape';
import { t, type MessageKey } from '@/data/i18n/translate';

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

const MAKE_ROOM_LABELS: Record<Settings['makeRoomBy'], MessageKey> = {
  collapse: 'makeRoomCollapse',
  close: 'makeRoomClose',
};
const THEME_LABELS: Record<Settings['theme'], MessageKey> = {
  page: 'themePage',
  system: 'themeSystem',
  light: 'themeLight',
  dark: 'themeDark',
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
        <span>{t('makeRoomAfter')}</span>
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
      <label class="pi-field">
        <span>{t('makeRoomBy')}</span>
        <select
          value={settings.makeRoomBy}
          onChange={(e) => onChange({ makeRoomBy: (e.currentTarget as HTMLSelectElement).value as Settings['makeRoomBy'] })}
        >
          {MAKE_ROOM_WAYS.map((way) => (
            <option key={way} value={way}>
              {t(MAKE_ROOM_LABELS[way])}
            </option>
          ))}
        </select>
      </label>
      <p class="pi-muted">
        {t('countdownNote')} {t('tabNote')}
      </p>
      <label class="pi-field">
        <span>{t('cardTheme')}</span>
        <select
          value={settings.theme}
          onChange={(e) => onChange({ theme: (e.currentTarget as HTMLSelectElement).value as Settings['theme'] })}
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(THEME_LABELS[theme])}
            </option>
          ))}
        </select>
      </label>
      <p class="pi-muted">{t('themeNote')}</p>
    </section>
  );
}
