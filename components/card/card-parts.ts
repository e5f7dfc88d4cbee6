/**
 * What every form of the profile card shows the same way, the digest in a page and the full profile in a page,
 * the popup or the browse page: its head (who, part of what, and in one sentence) and its tools.
 */
import { t } from '@/data/i18n/translate';
import type { CompanyProfile, ToolLink } from '@/data/profiles/schema';
import { el } from './dom';

/** Who, part of what, and in one sentence. */
export const cardHead = (company: CompanyProfile, headingId: string | undefined): Node[] => [
  el(
    'header',
    { class: 'pi-card-header' },
    el('h2', { class: 'pi-title', id: headingId }, company.name),
    company.parent && el('p', { class: 'pi-parent' }, t('partOf', company.parent)),
  ),
  el('p', { class: 'pi-summary' }, company.summary),
];

/**
 * The tools a card names, each linked to its home page or repository (opened in a new tab; nothing is fetched),
 * with what it is as the link's title; at most `max`, then "+N more". Null when there are none.
 */
export function toolChips(tools: readonly string[], links: Readonly<Record<string, ToolLink>> | undefined, max = tools.length) {
  if (!tools.length) return null;
  return el(
    'ul',
    { class: 'pi-tools', 'aria-label': t('tools') },
    ...tools.slice(0, max).map((tool) => {
      const link = links?.[tool];
      return el(
        'li',
        { class: 'pi-chip' },
        link ? el('a', { class: 'pi-chip-link', href: link.url, target: '_blank', rel: 'noopener noreferrer', title: link.about }, tool) : tool,
      );
    }),
    tools.length > max && el('li', { class: 'pi-chip pi-chip-more' }, t('moreTools', tools.length - max)),
  );
}
