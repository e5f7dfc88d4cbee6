// First, so that its mark is set before any other module runs.
import './script-start';
import { browser, type Browser } from 'wxt/browser';
import { WORKER_READY_MARK } from '@/data/browser/worker-marks';
import { logError } from '@/data/browser/console';
import { getSettings, watchSettings } from '@/data/settings/store';
import { sameSites } from '@/data/settings/shape';
import { updateAllBadges, updateBadge } from './badge';
import { detectOnPage, listenForHeaders } from './detection/detector';
import { TOGGLE_COMMAND } from '@/data/card/toggle-command';
import { offerCard, offerCardToOpenTabs, toggleCard } from './card/injection';
import { startLooksAtOpenTabs } from './card/lifetime';
import { prepareDatabase } from './lookup';
import { handleMessage } from './router';
import { forgetAllTabs, forgetDetections, forgetTab } from './detection/tab-detections';

// Wires listeners to the modules that do the work. Listeners are added synchronously on every service-worker
// start, so events that wake the worker find them.
export default defineBackground(() => {
  // Every worker start (install, update, browser start-up, wake after idle) re-checks everything once:
  // seeding compares dataset versions, a database that failed last time is repaired, and every tab's badge is
  // drawn. The install and start-up listeners exist so the browser starts the worker for those events; the run
  // they stand for is already under way.
  const start = async () => {
    await prepareDatabase();
    await updateAllBadges(await getSettings());
  };
  start().catch(logError);
  const startedAlready = () => undefined;
  browser.runtime.onInstalled.addListener(startedAlready);
  browser.runtime.onStartup.addListener(startedAlready);
  // A settings change redraws the badges when it turned sites on or off, the only setting they show; the other
  // settings are read where they apply (the card's behaviour when it is handed over, and by the card itself).
  watchSettings((settings, previous) => {
    if (!sameSites(settings, previous)) updateAllBadges(settings).catch(logError);
  });

  // The polyfill, loaded here, sends the sender the answer a listener's promise settles with; the browser's own
  // typing of the listener knows only sendResponse.
  type Listener = Parameters<typeof browser.runtime.onMessage.addListener>[0];
  browser.runtime.onMessage.addListener(((message: unknown, sender: Browser.runtime.MessageSender) => handleMessage(message, sender)) as Listener);

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_COMMAND && tab?.id !== undefined) toggleCard(tab.id, tab.url).catch(logError);
  });

  // Without the `tabs` permission, tab.url is only there for covered hosts (and, once detection is on, every
  // site): elsewhere every call returns at once.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A new page (or a single-page site's new URL): the old detections go before the badge is redrawn.
    if (change.status === 'loading' || change.url !== undefined) {
      forgetDetections(tabId)
        .then(() => updateBadge(tabId, tab.url, getSettings))
        .catch(logError);
    }
    if (change.status === 'complete') offerCard(tabId, tab.url).catch(logError);
    // Detection also looks again when a single-page site moves to a new URL without loading a page.
    if (change.status === 'complete' || (change.url !== undefined && change.status === undefined)) {
      detectOnPage(tabId, tab.url)
        .then((found) => (found ? updateBadge(tabId, tab.url, getSettings) : undefined))
        .catch(logError);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId).catch(logError);
  });

  // Detection is on while its optional permissions are granted, from the options page or the browser's own UI.
  listenForHeaders();
  browser.permissions.onAdded.addListener(() => listenForHeaders());
  browser.permissions.onRemoved.addListener(() => {
    forgetAllTabs()
      .then(() => getSettings())
      .then((settings) => updateAllBadges(settings))
      .catch(logError);
  });

  // The first start of a lifetime (install, update, browser start, turned back on), and any start of Firefox's
  // persistent background (after its process crashed), offers the card to the tabs already open: their pages
  // loaded before these listeners existed (see offerCardToOpenTabs). It comes after every listener above is
  // added, so a page has either finished before this look at the tabs or its 'complete' event reaches the
  // listener; a page seen both ways is offered the card once (the gate's mark).
  startLooksAtOpenTabs()
    .then((look) => (look ? offerCardToOpenTabs() : undefined))
    .catch(logError);

  // Every listener is in place: the worker can answer. `npm run bench` reads this mark to time each start (script
  // evaluation to ready), which must not grow with the number of profiles.
  performance.mark(WORKER_READY_MARK);
});
