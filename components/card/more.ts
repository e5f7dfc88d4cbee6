/** The rest of the card (card-more.ts), in the second script: drawn or worked out only when needed. */
import { t } from '@/data/i18n/translate';
import { behaviourOf, isSiteEnabled, repairSettings } from '@/data/settings/shape';
import profileCss from './profile.css?inline';
import offNoteCss from './off-note.css?inline';
import { CARD_MORE_KEY, type CardMore } from './card-more';
import { compactTab, tabCss } from './compact-tab';
import { companyCardParts } from './company-card';
import { el } from './dom';

export const cardMore: CardMore = {
  css: tabCss + profileCss + offNoteCss,
  compactTab,
  showFullProfile(scroll, company, headingId, reviewed) {
    scroll.replaceChildren(el('article', { class: 'pi-card', 'aria-labelledby': headingId }, ...companyCardParts(company, reviewed, headingId)));
    for (const [attribute, value] of Object.entries({ tabindex: '0', role: 'group', 'aria-label': t('allAbout', company.name) })) scroll.setAttribute(attribute, value);
    // Read from its top: the digest may have been scrolled to reach the button, in a short window.
    scroll.scrollTop = 0;
    scroll.focus();
  },
  offNote(company, { undo, openOptions }) {
    const many = company.domains.length;
    return el(
      'div',
      { class: 'pi-off', role: 'status' },
      el(
        'p',
        null,
        many > 1 ? t('offNoteAllDomains', company.name, many) : t('offNoteBefore', company.name),
        ' ',
        el('button', { type: 'button', class: 'pi-link-button', onclick: openOptions }, t('optionsPageLink')),
        t('offNoteAfter'),
      ),
      el('button', { type: 'button', class: 'pi-button', onclick: undo }, t('undo')),
    );
  },
  settings(raw, companyId) {
    const settings = repairSettings(raw); // every field, whatever another context or device stored
    return { enabled: isSiteEnabled(settings, companyId), behaviour: behaviourOf(settings) };
  },
};

/** Makes the rest of the card available to the card on this page (what the second script does when it runs). */
export function registerCardMore(world = globalThis as { [CARD_MORE_KEY]?: CardMore }): void {
  world[CARD_MORE_KEY] = cardMore;
}
