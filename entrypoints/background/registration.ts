/**
 * Keeps the overlay content script registered for exactly the enabled covered sites: one registration per
 * company, under a fixed id, so a turned-off site gets no injection at all and re-syncing is idempotent.
 */
import { browser } from 'wxt/browser';
import { domainPatterns } from '@/data/host-patterns';
import type { CompanyProfile } from '@/data/schema';
import { isSiteEnabled, type Settings } from '@/data/settings-shape';
import { serial } from './serial';

export const SCRIPT_ID_PREFIX = 'overlay-';
const OVERLAY_JS = 'content-scripts/overlay.js';

export const scriptIdFor = (companyId: string) => `${SCRIPT_ID_PREFIX}${companyId}`;

/** Registrations we want: none at all when the card is set to never show on its own. */
export function desiredRegistrations(companies: readonly CompanyProfile[], settings: Settings) {
  if (settings.showMode === 'never') return new Map<string, string[]>();
  return new Map(
    companies.filter((c) => isSiteEnabled(settings, c.id)).map((c) => [scriptIdFor(c.id), domainPatterns(c.domains)]),
  );
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

export const syncContentScripts = serial(async (companies: readonly CompanyProfile[], settings: Settings) => {
  const desired = desiredRegistrations(companies, settings);
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) =>
    s.id.startsWith(SCRIPT_ID_PREFIX),
  );
  const registeredIds = new Set(registered.map((s) => s.id));

  const stale = registered.filter((s) => !desired.has(s.id)).map((s) => s.id);
  const changed = registered.filter((s) => desired.has(s.id) && !sameList(s.matches, desired.get(s.id)));
  const missing = [...desired].filter(([id]) => !registeredIds.has(id));

  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  if (changed.length) {
    await browser.scripting.updateContentScripts(changed.map((s) => ({ id: s.id, matches: desired.get(s.id), js: [OVERLAY_JS] })));
  }
  if (missing.length) {
    await browser.scripting.registerContentScripts(
      missing.map(([id, matches]) => ({ id, matches, js: [OVERLAY_JS], runAt: 'document_idle' as const, allFrames: false })),
    );
  }
  return { registered: missing.length, updated: changed.length, unregistered: stale.length };
});
