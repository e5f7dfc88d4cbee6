import type { CompanyProfile } from '@/data/profiles/schema';
import { t } from '@/data/i18n/translate';

interface Props {
  company: CompanyProfile;
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}

/** A native checkbox shown as a switch: on = the card appears on this company's sites. */
export function SiteSwitch({ company, enabled, onChange }: Props) {
  return (
    <label class="pi-switch">
      <input
        type="checkbox"
        role="switch"
        checked={enabled}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{t('siteSwitch', company.name)}</span>
    </label>
  );
}
