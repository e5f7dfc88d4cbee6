/**
 * The toolbar badge of every open tab, as Chromium holds it for the extension, against what it should be: "Py" on a
 * page of a covered company the user has not turned off, nothing elsewhere.
 */
import type { Worker } from 'playwright-core';
import { buildDomainIndex, hostnameOfUrl, matchHostnameSync } from '../../data/profiles/match';

export type BadgeRule = (url: string) => string;

/** The badge a page should have under these profiles and turned-off companies. */
export function badgeRule(profiles: readonly { id: string; domains: readonly string[] }[], disabledSites: readonly string[] = []): BadgeRule {
  const index = buildDomainIndex(profiles);
  return (url) => {
    const host = hostnameOfUrl(url);
    const id = host ? matchHostnameSync(host, index) : null;
    return id && !disabledSites.includes(id) ? 'Py' : '';
  };
}

interface TabBadge {
  url: string | undefined;
  badge: string;
}

// Without the `tabs` permission the extension sees a tab's URL only on covered hosts; the others must have no badge.
const readBadges = (worker: Worker) =>
  worker.evaluate(async () =>
    Promise.all((await chrome.tabs.query({})).map(async (tab): Promise<TabBadge> => ({ url: tab.url, badge: await chrome.action.getBadgeText({ tabId: tab.id! }) }))),
  );

/**
 * Polls (bounded) until every tab's badge follows `rule`; returns what is still wrong at the end, empty when all
 * is right. `coveredPages` are the pages the test opened on covered hosts: the extension must see each of them.
 */
export async function badgeProblems(worker: Worker, rule: BadgeRule, coveredPages: readonly string[], timeout = 10_000): Promise<string[]> {
  const end = Date.now() + timeout;
  for (;;) {
    const tabs = await readBadges(worker);
    const problems = [
      ...tabs.filter((t) => t.badge !== (t.url ? rule(t.url) : '')).map((t) => `badge ${JSON.stringify(t.badge)} on ${t.url ?? 'a tab the extension cannot see'}, expected ${JSON.stringify(t.url ? rule(t.url) : '')}`),
      ...coveredPages.filter((url) => !tabs.some((t) => t.url === url)).map((url) => `the extension cannot see the tab of ${url}`),
    ];
    if (!problems.length || Date.now() > end) return problems;
    await new Promise((r) => setTimeout(r, 100));
  }
}
