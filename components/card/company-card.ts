/**
 * The full profile, without a UI framework: summary, uses by area, other languages, numbered sources. The same
 * nodes in a web page (drawn by the script injected when the reader asks for them: entrypoints/overlay-more,
 * with more.ts) and in the extension's pages (through CompanyCard.tsx).
 */
import { t } from '@/data/i18n/translate';
import { sourceKindLabel } from '@/data/i18n/labels';
import type { CompanyProfile } from '@/data/profiles/schema';
import { isOwnSource } from '@/data/profiles/source-kinds';
import { freshness } from '@/data/i18n/freshness';
import { cardContent } from './card-content';
import { cardHead, toolChips } from './card-parts';
import { el } from './dom';

/**
 * What goes inside the card's <article>; `highlightArea` marks the area the reader came from (a cell of the grid),
 * `reviewed` is the review month in words (card-content.ts, freshness).
 */
export function companyCardParts(company: CompanyProfile, reviewed: string, headingId?: string, highlightArea?: string | null): Node[] {
  const { groups, sources } = cardContent(company);
  return [
    ...cardHead(company, headingId),
    ...groups.map((group) =>
      el(
        'section',
        { class: group.area === highlightArea ? 'pi-area pi-area-highlight' : 'pi-area', 'data-area': group.area, 'aria-label': group.label },
        el('h3', { class: 'pi-area-title' }, group.label),
        el(
          'ul',
          { class: 'pi-uses' },
          ...group.uses.map((use) =>
            el(
              'li',
              { class: 'pi-use' },
              el('span', { class: 'pi-use-text' }, use.text),
              // A no-break space: the source numbers stay with the sentence's last word, never alone on a line.
              '\u00a0',
              el('span', { class: 'pi-refs', 'aria-label': t('sourceNumbers', use.sourceNumbers.join(', ')) }, use.sourceNumbers.map((n) => `[${n}]`).join('')),
              use.until !== undefined && el('span', { class: 'pi-until' }, t('untilYear', use.until)),
              toolChips(use.tools, company.toolLinks),
            ),
          ),
        ),
      ),
    ),
    company.otherLanguages.length > 0 &&
      el('p', { class: 'pi-languages' }, el('span', { class: 'pi-label' }, t('alsoUses')), ' ', company.otherLanguages.join(', ')),
    el(
      'section',
      { class: 'pi-sources', 'aria-label': t('sources') },
      el('h3', { class: 'pi-area-title' }, t('sources')),
      el('p', { class: 'pi-freshness' }, freshness(company, reviewed)),
      el(
        'ol',
        null,
        ...sources.map((s) => {
          const kind = sourceKindLabel(s.kind);
          return el(
            'li',
            { value: s.number },
            el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title),
            el('span', { class: 'pi-source-meta' }, ' ', s.meta),
            ' ',
            el('span', { class: `pi-kind ${isOwnSource(s.kind) ? 'pi-kind-own' : 'pi-kind-third'}`, title: kind.long }, kind.tag),
          );
        }),
      ),
    ),
  ].filter((node): node is Node => node !== false);
}
