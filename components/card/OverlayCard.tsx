import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompanyProfile } from '@/data/profiles/schema';
import type { Behaviour } from '@/data/settings/shape';
import { CardDigest } from './CardDigest';
import { CardTab, CloseButton } from './CardTab';
import { CompanyCard } from './CompanyCard';
import { placementClass, tabClass } from './overlay-placement';
import { useAutoHide } from './useAutoHide';
import { t } from '@/data/i18n/translate';

interface Props {
  company: CompanyProfile;
  behaviour: Behaviour;
  /** The user asked for this card (shortcut, popup): focus moves to it as it opens. */
  takeFocus?: boolean;
  /** The colours to use, or null to follow the system (the theme setting, with "match the page" already judged). */
  scheme: 'light' | 'dark' | null;
  onClose: () => void;
  /** Turns the site on or off; resolves when the setting is saved. */
  onSetSiteEnabled: (enabled: boolean) => Promise<unknown>;
  /** Opens the extension's options page in a tab. */
  onOpenOptions: () => void;
}

/**
 * The card in the page: a labelled landmark with Shrink, Close and "Don't show on this site". It never takes
 * focus on its own, only when the user asked for it (`takeFocus`); Escape closes it when focus is inside. When
 * its time is up it makes room for the page: it shrinks to a small tab at the side of the window (which opens it
 * again), or closes.
 */
export function OverlayCard({ company, behaviour, takeFocus = false, scheme, onClose, onSetSiteEnabled, onOpenOptions }: Props) {
  const [turnedOff, setTurnedOff] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  // Set when the person shrank or opened the card themselves: focus then follows to the control that undoes it.
  const moveFocus = useRef(false);
  const toggle = useRef<HTMLButtonElement>(null);
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
  // "This site" is every domain of the company (all of Google's, from mail.google.com): the button and the note
  // after it say so.
  const many = company.domains.length > 1;
  // After "Don't show", the undo note stays until closed: hiding it on a timer would hide the only undo. A tab
  // has made room already, unless the setting is to close.
  const shrinks = behaviour.makeRoomBy === 'collapse';
  const counting = !turnedOff && !(collapsed && shrinks);
  const { handlers } = useAutoHide(counting ? behaviour.autoHideSeconds : 0, shrinks ? () => setCollapsed(true) : onClose);
  const setCollapsedByHand = (value: boolean) => {
    moveFocus.current = true;
    setCollapsed(value);
  };
  useEffect(() => {
    if (moveFocus.current) toggle.current?.focus();
    moveFocus.current = false;
  }, [collapsed]);

  // "Show all" was pressed inside the card: keep focus there, on the full profile that replaced the button, and
  // start it at its top (the digest may have been scrolled to reach the button, in a short window).
  useEffect(() => {
    if (!showAll || !scroll.current) return;
    scroll.current.scrollTop = 0;
    scroll.current.focus();
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
      class={`pi-overlay ${collapsed ? tabClass(behaviour.position) : placementClass(behaviour.position)}${scheme ? ` pi-scheme-${scheme}` : ''}`}
      role="region"
      aria-label={t('badgeCompany', company.name)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Only the card closes: left to the browser, Escape would also close a modal dialog of the page.
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
      {...handlers}
    >
      <p class="pi-sr" role="status">
        {announcement}
      </p>
      {collapsed ? (
        <CardTab companyName={company.name} openRef={toggle} onOpen={() => setCollapsedByHand(false)} onClose={onClose} />
      ) : (
        <>
          <div class="pi-bar">
            <span class="pi-brand" aria-hidden="true">
              Python Inside
            </span>
            <button
              type="button"
              class="pi-icon-button"
              ref={toggle}
              aria-expanded="true"
              aria-label={t('collapse')}
              title={t('collapse')}
              onClick={() => setCollapsedByHand(true)}
            >
              <span aria-hidden="true">−</span>
            </button>
            <CloseButton onClose={onClose} />
          </div>
          {turnedOff ? (
            <div class="pi-off" role="status">
              <p>
                {many ? t('offNoteAllDomains', company.name, company.domains.length) : t('offNoteBefore', company.name)}{' '}
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
              <div
                class="pi-scroll"
                ref={scroll}
                tabIndex={showAll ? 0 : undefined}
                role={showAll ? 'group' : undefined}
                aria-label={showAll ? t('allAbout', company.name) : undefined}
              >
                {showAll ? (
                  <CompanyCard company={company} headingId={headingId} />
                ) : (
                  <CardDigest company={company} headingId={headingId} onShowAll={() => setShowAll(true)} />
                )}
              </div>
              <div class="pi-actions">
                <button
                  type="button"
                  class="pi-button pi-quiet"
                  title={many ? t('dontShowAllDomains', company.name, company.domains.length) : undefined}
                  onClick={() => setEnabled(false)}
                >
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
        </>
      )}
    </section>
  );
}
