/**
 * Whether the in-page card is due on a page, and the one place a showing is spent. Looking is free and records
 * nothing (the background asks before it touches a page); claiming spends a once-per-session showing and is
 * done only at the moment the person can see the card.
 */
import type { CardVerdict } from '@/data/card/handover';
import { getSettings } from '@/data/settings/store';
import { behaviourOf, isSiteEnabled } from '@/data/settings/shape';
import { companyForHost } from '../lookup';
import { serial } from '../serial';
import { markShown, shownThisSession, unmarkShown } from './session-shown';

/** Whether the card is due on a page of this host, and with what. Records nothing. */
export async function cardDue(host: string | null): Promise<CardVerdict> {
  const company = host ? await companyForHost(host) : null;
  if (!company) return { show: false, reason: 'not-covered' };
  const settings = await getSettings();
  if (!isSiteEnabled(settings, company.id)) return { show: false, reason: 'disabled' };
  if (settings.showMode === 'never') return { show: false, reason: 'never' };
  if (settings.showMode === 'once-per-session' && (await shownThisSession(company.id))) return { show: false, reason: 'already-shown' };
  return { show: true, company, behaviour: behaviourOf(settings) };
}

export interface Claim {
  card: CardVerdict;
  /** Gives the showing back: the page went away before the card reached it. */
  release(): Promise<void>;
}

const nothingToRelease = async () => undefined;

/**
 * Decides and records in one step, one claim at a time: two tabs of one company becoming visible together
 * cannot both win a once-per-session showing.
 */
export const claimCard = serial(async (host: string | null): Promise<Claim> => {
  const card = await cardDue(host);
  if (!card.show || (await getSettings()).showMode !== 'once-per-session') return { card, release: nothingToRelease };
  await markShown(card.company.id);
  return { card, release: () => unmarkShown(card.company.id) };
});
