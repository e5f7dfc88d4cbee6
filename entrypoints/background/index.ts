import { browser } from 'wxt/browser';
import { bundledDataset } from '@/data/dataset';
import { ensureSeeded, resetSeedState } from '@/data/db';
import { getSettings, watchSettings } from '@/data/settings';
import type { Settings } from '@/data/settings-shape';
import { updateAllBadges, updateBadge } from './badge';
import { syncContentScripts } from './registration';
import { handleMessage } from './router';

// Wires listeners to the modules that do the work. Listeners are added synchronously on every service-worker
// start, so events that wake the worker find them.
export default defineBackground(() => {
  const refresh = async (settings?: Settings) => {
    const current = settings ?? (await getSettings());
    await ensureSeeded(bundledDataset);
    await Promise.all([syncContentScripts(bundledDataset.companies, current), updateAllBadges(current)]);
  };
  const report = (error: unknown) => console.error('Python Inside:', error);

  browser.runtime.onInstalled.addListener(() => {
    resetSeedState(); // an update brings a new dataset: check the stored version again
    refresh().catch(report);
  });
  browser.runtime.onStartup.addListener(() => refresh().catch(report));
  watchSettings((settings) => refresh(settings).catch(report));

  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading' || change.url !== undefined) {
      getSettings()
        .then((settings) => updateBadge(tabId, tab.url, settings))
        .catch(report);
    }
  });

  // A worker restart also lands here: re-check everything, cheaply and idempotently.
  refresh().catch(report);
});
