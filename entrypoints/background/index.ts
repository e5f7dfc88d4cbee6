import { browser } from 'wxt/browser';
import { getSettings, watchSettings } from '@/data/settings';
import type { Settings } from '@/data/settings-shape';
import { updateAllBadges, updateBadge } from './badge';
import { injectCardIfDue, TOGGLE_COMMAND, toggleCard } from './injection';
import { prepareDatabase } from './lookup';
import { handleMessage } from './router';

// Wires listeners to the modules that do the work. Listeners are added synchronously on every service-worker
// start, so events that wake the worker find them.
export default defineBackground(() => {
  const refresh = async (settings?: Settings) => {
    const current = settings ?? (await getSettings());
    await prepareDatabase();
    await updateAllBadges(current);
  };
  const report = (error: unknown) => console.error('Python Inside:', error);

  // Every worker start (install, update, browser start-up, wake after idle) re-checks everything once:
  // seeding compares dataset versions, and a database that failed last time is repaired. The install and start-up listeners exist so the browser starts the
  // worker for those events; they wait for that same run instead of repeating it.
  const started = refresh().catch(report);
  browser.runtime.onInstalled.addListener(() => started);
  browser.runtime.onStartup.addListener(() => started);
  watchSettings((settings) => refresh(settings).catch(report));

  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_COMMAND && tab?.id !== undefined) toggleCard(tab.id, tab.url).catch(report);
  });

  // Without the `tabs` permission, tab.url is only there for covered hosts: elsewhere both calls return at once.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading' || change.url !== undefined) updateBadge(tabId, tab.url, getSettings).catch(report);
    if (change.status === 'complete') injectCardIfDue(tabId, tab.url).catch(report);
  });
});
