import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompanyProfile } from '@/data/schema';
import type { Behaviour } from '@/data/settings-shape';
import { CardDigest } from './CardDigest';
import { CompanyCard } from './CompanyCard';
import { placementClass } from './overlay-placement';
import { useAutoHide } from './useAutoHide';
import { t } from '@/data/i18n';

interface Props {
  company: CompanyProfile;
  behaviour: Behaviour;
  /** The user asked for this card (shortcut, popup): focus moves to it as it opens. */
  takeFocus?: boolean;
  onClose: () => void;
  /** Turns the site on or off; resolves when the setting is saved. */
  onSetSiteEnabled: (enabled: boolean) => Promise<unknown>;
  /** Opens the extension's options page in a tab. */
  onOpenOptions: () => void;
}

/**
 * The card in the page: a labelled landmark with Close and "Don't show on this site". It never takes focus on
 * its own, only when the user asked for it (`takeFocus`); Escape closes it when focus is inside.
 */
export function OverlayCard({ company, behaviour, takeFocus = false, onClose, onSetSiteEnabled, onOpenOptions }: Props) {
  const [turnedOff, setTurnedOff] = useState(false);
  const [showAll, setShowAll] = useState(false);
  // Said by screen readers when the card appears, without moving focus: filled a moment after the (empty)
  // live region exists, which is what makes it announced.
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAnnouncement(t('badgeCompany', company.name)), 100);
    return () => clearTimeout(timer);
  }, [company.name]);
  const region = useRef<HTMLElement>(null);
  useEffect(() => {
    if (takeFocus) region.current?.focus({ preventScroll: true });
  }, [takeFocus]);
  const scroll = useRef<HTMLDivElement>(null);
  const [error, setError] = useState('');
  const headingId = 'python-inside-heading';
  // After "Don't show", the undo note stays until closed: hiding it on a timer would hide the only undo.
  const { handlers } = useAutoHide(turnedOff ? 0 : behaviour.autoHideSeconds, onClose);

  // "Show all" was pressed inside the card: keep focus there, on the full profile that replaced the button.
  useEffect(() => {
    if (showAll) scroll.current?.focus();
  }, [showAll]);

  const setEnabled = (enabled: boolean) => {
    setError('');
    onSetSiteEnabled(enabled).then(
      () => setTurnedOff(!enabled),
      () => setError(t('saveFailed')),
    );
  };

  return (
    <section
      ref={region}
      tabIndex={takeFocus ? -1 : undefined}
      class={`pi-overlay ${placementClass(behaviour.position)}`}
      role="region"
      aria-label={t('badgeCompany', company.name)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
      {...handlers}
    >
      <p class="pi-sr" role="status">
        {announcement}
      </p>
      <div class="pi-bar">
        <span class="pi-brand" aria-hidden="true">
          Python Inside
        </span>
        <button type="button" class="pi-icon-button" aria-label={t('close')} title={t('closeTitle')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {turnedOff ? (
        <div class="pi-off" role="status">
          <p>
            {t('offNoteBefore', company.name)}{' '}
            <button type="button" class="pi-link-button" onClick={onOpenOptions}>
              {t('optionsPageLink')}
            </button>
            {t('offNoteAfter')}
          </p>
          <button type="button" class="pi-button" onClick={() => setEnabled(true)}>
            {t('undo')}
          </button>
        </div>
      ) : (
        <>
          <div class="pi-scroll" ref={scroll} tabIndex={showAll ? 0 : undefined} role={showAll ? 'group' : undefined} aria-label={showAll ? t('allAbout', company.name) : undefined}>
            {showAll ? (
              <CompanyCard company={company} headingId={headingId} />
            ) : (
              <CardDigest company={company} headingId={headingId} onShowAll={() => setShowAll(true)} />
            )}
          </div>
          <div class="pi-actions">
            <button type="button" class="pi-button pi-quiet" onClick={() => setEnabled(false)}>
              {t('dontShow')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p class="pi-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
