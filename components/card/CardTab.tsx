import type { Ref } from 'preact';
import { t } from '@/data/i18n/translate';

interface Props {
  companyName: string;
  openRef: Ref<HTMLButtonElement>;
  onOpen: () => void;
  onClose: () => void;
}

/**
 * The card's compact form: the toolbar badge's "Py" mark and the company's name on a button that opens the card
 * again (a disclosure, so screen readers hear "collapsed"), and Close.
 */
export function CardTab({ companyName, openRef, onOpen, onClose }: Props) {
  return (
    <>
      <button type="button" class="pi-tab-open" ref={openRef} aria-expanded="false" title={t('expand')} onClick={onOpen}>
        <span class="pi-tab-mark" aria-hidden="true">
          Py
        </span>
        <span class="pi-tab-name">{companyName}</span>
      </button>
      <CloseButton onClose={onClose} />
    </>
  );
}

export function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" class="pi-icon-button" aria-label={t('close')} title={t('closeTitle')} onClick={onClose}>
      <span aria-hidden="true">×</span>
    </button>
  );
}
