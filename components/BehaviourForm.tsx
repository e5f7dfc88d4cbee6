import { AUTO_HIDE_CHOICES, POSITIONS, SHOW_MODES, type Settings } from '@/data/settings-shape';

const SHOW_MODE_LABELS: Record<Settings['showMode'], string> = {
  'every-load': 'On every page load',
  'once-per-session': 'Once per site per browser session',
  never: 'Never: only from the toolbar button',
};
const POSITION_LABELS: Record<Settings['position'], string> = {
  'bottom-right': 'Bottom right',
  'bottom-left': 'Bottom left',
  'top-right': 'Top right',
  'top-left': 'Top left',
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
      <h2 id="behaviour-heading">Card on the page</h2>
      <fieldset>
        <legend>Show the card</legend>
        {SHOW_MODES.map((mode) => (
          <label class="pi-choice" key={mode}>
            <input
              type="radio"
              name="showMode"
              value={mode}
              checked={settings.showMode === mode}
              onChange={() => onChange({ showMode: mode })}
            />
            {SHOW_MODE_LABELS[mode]}
          </label>
        ))}
      </fieldset>
      <label class="pi-field">
        <span>Corner</span>
        <select
          value={settings.position}
          onChange={(e) => onChange({ position: (e.currentTarget as HTMLSelectElement).value as Settings['position'] })}
        >
          {POSITIONS.map((p) => (
            <option key={p} value={p}>
              {POSITION_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <label class="pi-field">
        <span>Hide automatically</span>
        <select
          value={String(settings.autoHideSeconds)}
          onChange={(e) => onChange({ autoHideSeconds: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {autoHideChoices.map((s) => (
            <option key={s} value={String(s)}>
              {s === 0 ? 'Never' : `After ${s} seconds`}
            </option>
          ))}
        </select>
      </label>
      <p class="pi-muted">The countdown pauses while the pointer is over the card or focus is inside it.</p>
    </section>
  );
}
