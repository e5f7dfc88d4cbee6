/**
 * The card as it first appears in a page: who, what Python does there in one sentence, where and with which
 * tools, and how the claims are sourced. Drawn without a UI framework, with only its own CSS (digest.css): it is
 * what every showing of the card costs the page. Its lines that sum up the whole profile come worded from the
 * background (DigestWords, data/i18n/card-words.ts). The full profile comes only when asked for (card-more.ts):
 * laying out every use and source is most of what the card would otherwise cost (docs/performance.md).
 */
import type { DigestWords } from '@/data/card/handover';
import { t } from '@/data/i18n/translate';
import type { CompanyProfile } from '@/data/profiles/schema';
import { cardHead, toolChips } from './card-parts';
import { el } from './dom';

const MAX_TOOLS = 6;

export function digestCard(company: CompanyProfile, headingId: string, onShowAll: () => void, words: DigestWords): HTMLElement {
  return el(
    'article',
    { class: 'pi-card', 'aria-labelledby': headingId },
    ...cardHead(company, headingId),
    el('p', { class: 'pi-digest-line' }, el('span', { class: 'pi-label' }, t('pythonFor')), ' ', words.areas),
    toolChips(words.tools, company.toolLinks, MAX_TOOLS),
    el('p', { class: 'pi-digest-line' }, el('span', { class: 'pi-label' }, t('sources')), ' ', words.sources),
    el('p', { class: 'pi-digest-line pi-freshness' }, words.freshness),
    el('button', { type: 'button', class: 'pi-link-button pi-show-all', onclick: onShowAll }, words.showAll),
  );
}
