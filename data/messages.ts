/**
 * The typed messages between contexts, and the check the background applies before acting on one.
 * Anything that does not parse is rejected: the background never guesses what a sender meant.
 */
import { browser } from 'wxt/browser';
import type { CompanyProfile } from './schema';
import type { Behaviour } from './settings-shape';

export type Message =
  /** Content script → background: should this page show the card? The page is taken from the sender. */
  | { type: 'card:request' }
  /** Card, popup or options → background: turn the card on or off for one company. */
  | { type: 'site:set-enabled'; companyId: string; enabled: boolean }
  /** Popup or options → background: make sure the bundled dataset is in IndexedDB; answers its version. */
  | { type: 'dataset:ensure' };

export type CardResponse =
  | { show: true; company: CompanyProfile; behaviour: Behaviour }
  | { show: false; reason: 'not-covered' | 'disabled' | 'never' | 'already-shown' };

export interface ResponseFor {
  'card:request': CardResponse;
  'site:set-enabled': { ok: true; enabled: boolean };
  'dataset:ensure': { version: string };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const COMPANY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The message if it is one of ours and well formed, otherwise an error saying what is wrong. */
export function parseMessage(raw: unknown): { message: Message } | { error: string } {
  if (!isRecord(raw) || typeof raw.type !== 'string') return { error: 'not a message: expected an object with a "type"' };
  const keys = Object.keys(raw).sort().join(',');
  switch (raw.type) {
    case 'card:request':
    case 'dataset:ensure':
      return keys === 'type' ? { message: { type: raw.type } } : { error: `${raw.type}: unexpected fields` };
    case 'site:set-enabled': {
      const { companyId, enabled } = raw;
      if (keys !== 'companyId,enabled,type') return { error: 'site:set-enabled: expects exactly companyId and enabled' };
      if (typeof companyId !== 'string' || !COMPANY_ID.test(companyId)) return { error: 'site:set-enabled: bad companyId' };
      if (typeof enabled !== 'boolean') return { error: 'site:set-enabled: enabled must be a boolean' };
      return { message: { type: raw.type, companyId, enabled } };
    }
    default:
      return { error: `unknown message type "${raw.type.slice(0, 40)}"` };
  }
}

/** Sends a message to the background with the response type that goes with it. */
export async function sendToBackground<M extends Message>(message: M): Promise<ResponseFor[M['type']]> {
  return (await browser.runtime.sendMessage(message)) as ResponseFor[M['type']];
}
