/**
 * The company's card in a page: the digest in the card's shell, "Don't show on this site" with its undo, and the
 * full profile on request. "This site" is every domain of the company (all of Google's, from mail.google.com):
 * the button and the note after it say so. The full profile and the note come with the rest of the card
 * (card-more.ts), loaded when first needed.
 */
import { logError } from '@/data/browser/console';
import type { CardWords } from '@/data/card/handover';
import { t } from '@/data/i18n/translate';
import type { CompanyProfile } from '@/data/profiles/schema';
import type { Behaviour } from '@/data/settings/shape';
import digestCss from './digest.css?inline';
import type { CardMore } from './card-more';
import { digestCard } from './digest';
import { el } from './dom';
import { openCardShell, type CardShell } from './shell';

export interface ProfileCardOptions {
  company: CompanyProfile;
  /** Its words, as the background handed them (data/i18n/card-words.ts): the review month and the digest's lines. */
  words: Pick<CardWords, 'reviewed' | 'digest'>;
  behaviour: Behaviour;
  /** The person asked for this card (shortcut, popup): focus moves to it as it opens. */
  takeFocus: boolean;
  /** Turns the site on or off; resolves when the setting is saved. */
  setSiteEnabled(enabled: boolean): Promise<unknown>;
  /** Opens the extension's options page in a tab. */
  openOptions(): void;
  /** The rest of the card, loaded the first time it is needed (card-more.ts). */
  more(): Promise<CardMore>;
}

export interface ProfileCard extends CardShell<CardMore> {
  /**
   * Settings changed (options, popup, another device): a site turned off loses its card at once, unless this card
   * turned it off (it stays, to offer the undo); a new corner, time, way of making room or theme applies at once.
   */
  settingsChanged(enabled: boolean, behaviour: Behaviour): void;
}

const HEADING_ID = 'python-inside-heading';

/** Draws the card; null where no card belongs (an SVG image, an XML file). */
export function openProfileCard({ company, words, behaviour, takeFocus, setSiteEnabled, openOptions, more }: ProfileCardOptions): ProfileCard | null {
  const name = company.name;
  const shell = openCardShell({ label: t('badgeCompany', name), tabName: name, behaviour, takeFocus, css: digestCss, more });
  if (!shell) return null;

  const scroll = el('div', { class: 'pi-scroll' });
  // The full profile comes with the rest of the card; if that cannot come (the extension was updated or turned off
  // meanwhile), the digest stays as it was, its button too, focus on it.
  const showAll = () => {
    shell.more().then((m) => m.showFullProfile(scroll, company, HEADING_ID, words.reviewed), logError);
  };
  scroll.append(digestCard(company, HEADING_ID, showAll, words.digest));

  let off: HTMLElement | null = null;
  let error: HTMLElement | null = null;
  // Set before the setting is saved: the change event it causes may come before the answer does.
  let offByThisCard = false;
  const draw = () => shell.setContent(...(off ? [off] : [scroll, actions]), ...(error ? [error] : []));
  const setEnabled = (enabled: boolean) => {
    error = null;
    offByThisCard = !enabled;
    draw();
    // The note comes with the rest of the card, fetched first: if that fails, nothing was changed.
    shell
      .more()
      .then(async (m) => {
        await setSiteEnabled(enabled);
        // After "Don't show", the undo note stays until closed: hiding it on a timer would hide the only undo.
        off = enabled ? null : m.offNote(company, { undo: () => setEnabled(true), openOptions });
        shell.hold(!enabled);
      })
      .catch(() => void (error = el('p', { class: 'pi-error', role: 'alert' }, t('saveFailed'))))
      .finally(draw);
  };
  const many = company.domains.length;
  const actions = el(
    'div',
    { class: 'pi-actions' },
    el(
      'button',
      { type: 'button', class: 'pi-button pi-quiet', title: many > 1 ? t('dontShowAllDomains', name, many) : null, onclick: () => setEnabled(false) },
      t('dontShow'),
    ),
  );
  draw();
  return {
    ...shell,
    settingsChanged(enabled, next) {
      if (!enabled) {
        if (!offByThisCard) shell.close();
        return;
      }
      offByThisCard = false;
      shell.setBehaviour(next);
    },
  };
}
