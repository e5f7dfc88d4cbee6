/**
 * The rest of the card: what it draws or works out only when the reader asks, when its time is up, or when
 * settings change under it. The script every showing loads draws the digest and its shell; this second script
 * (entrypoints/overlay-more, with components/card/more.ts) the background injects into the card's frame and
 * isolated world only then: the compact tab, the full profile, the note after "Don't show on this site", and
 * settings from a change event, repaired. Once
 * there it registers itself in the isolated world (which the page cannot see) under CARD_MORE_KEY, where the
 * card finds it.
 */
import type { CompanyProfile } from '@/data/profiles/schema';
import type { Behaviour } from '@/data/settings/shape';
import type { ShellMore } from './shell';

export const CARD_MORE_KEY = '__pythonInsideMore';

/** The shell's part (the compact tab) and the company card's. */
export interface CardMore extends ShellMore {
  /**
   * Puts the full profile in the card's scroll area in place of the digest, names the area for it and moves focus
   * there (focus stays in the card), read from its top. `reviewed`: the review month in words, as handed over.
   */
  showFullProfile(scroll: HTMLElement, company: CompanyProfile, headingId: string, reviewed: string): void;
  /** The note that replaces the card's bar once its site is off: what happened, and the way back. */
  offNote(company: CompanyProfile, actions: { undo(): void; openOptions(): void }): HTMLElement;
  /** Settings from a storage change, repaired: whether the company's card is on, and how the card behaves. */
  settings(raw: unknown, companyId: string): { enabled: boolean; behaviour: Behaviour };
}

type World = { [CARD_MORE_KEY]?: CardMore };

/**
 * The rest of the card, injected once (`inject` asks the background) and then at hand; a failed injection (the
 * extension was updated or turned off meanwhile) is tried again next time.
 */
export function cardMoreLoader(inject: () => Promise<unknown>, world = globalThis as World): () => Promise<CardMore> {
  let loading: Promise<CardMore> | undefined;
  return () =>
    (loading ??= inject().then(() => world[CARD_MORE_KEY] ?? Promise.reject(new Error('the rest of the card did not arrive')))).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
}
