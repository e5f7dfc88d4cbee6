/**
 * The popup's views that list every company, with Preact: a chunk of its own, fetched only when one is shown (a
 * page without a profile, or "Browse all companies"), never before the popup's first view of a covered site
 * (popup-page.ts). Every profile is read from IndexedDB here (the background's copy when it cannot), only then.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/data/i18n/translate';
import type { PopupView } from '@/data/messaging/protocol';
import type { CompanyProfile } from '@/data/profiles/schema';
import { loadDataset } from '@/data/storage/dataset-client';
import { CompanyBrowser } from './CompanyBrowser';
import { DetectionStatus } from './DetectionStatus';

/**
 * A page without a profile: "no profile", what detection says of it, and every company. Drawn once every
 * profile is read, so it appears whole; settles when drawn, or with the error that kept it from being drawn.
 */
export async function showNoProfile(container: HTMLElement, view: PopupView): Promise<void> {
  const { companies } = await loadDataset();
  render(
    <>
      <p class="pi-no-profile">{t('noProfile')}</p>
      <DetectionStatus answer={view.detection} tabId={view.tabId} />
      <CompanyBrowser companies={companies} />
    </>,
    container,
  );
}

function AllCompanies({ onError }: { onError: (error: string) => void }) {
  const [companies, setCompanies] = useState<CompanyProfile[] | null>(null);
  useEffect(() => {
    loadDataset().then(({ companies: all }) => setCompanies(all), (e: unknown) => onError(String(e)));
  }, []);
  return <CompanyBrowser companies={companies} focusSearch />;
}

/** "Browse all companies": the search at once, focused, and the list once every profile is read. */
export function showAllCompanies(container: HTMLElement, onError: (error: string) => void): void {
  render(<AllCompanies onError={onError} />, container);
}
