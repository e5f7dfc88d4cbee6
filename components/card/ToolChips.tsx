import { t } from '@/data/i18n/translate';
import type { ToolLink } from '@/data/profiles/schema';

interface Props {
  tools: readonly string[];
  links: Readonly<Record<string, ToolLink>> | undefined;
  /** show at most this many, then "+N more" */
  max?: number;
}

/**
 * The tools a card names, each linked to its home page or repository (opened in a new tab; nothing is fetched),
 * with what it is as the link's title.
 */
export function ToolChips({ tools, links, max = tools.length }: Props) {
  if (!tools.length) return null;
  return (
    <ul class="pi-tools" aria-label={t('tools')}>
      {tools.slice(0, max).map((tool) => {
        const link = links?.[tool];
        return (
          <li class="pi-chip" key={tool}>
            {link ? (
              <a class="pi-chip-link" href={link.url} target="_blank" rel="noopener noreferrer" title={link.about}>
                {tool}
              </a>
            ) : (
              tool
            )}
          </li>
        );
      })}
      {tools.length > max && <li class="pi-chip pi-chip-more">{t('moreTools', tools.length - max)}</li>}
    </ul>
  );
}
