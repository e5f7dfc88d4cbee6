/** Answers the typed messages from content scripts, popup and options; rejects anything else. */
import { browser, type Browser } from 'wxt/browser';
import { hostnameOfUrl } from '@/data/profiles/match';
import type { Message, ResponseFor } from '@/data/messaging/protocol';
import { parseMessage } from '@/data/messaging/parse';
import { setSiteEnabled } from '@/data/settings/store';
import { injectCardMore, showCardNow, showCardOnTab, showDetectionsOnTab } from './card/injection';
import { detectionForTab } from './detection/tab-detections';
import { databaseProblem, prepareDatabase, profileLookup } from './lookup';
import { popupView } from './popup';

type Sender = Pick<Browser.runtime.MessageSender, 'url' | 'tab' | 'id' | 'frameId'>;

/**
 * The gate in a hidden tab says the tab has been shown. The page is whatever the sender's top frame shows,
 * never a hostname the sender claims; anything but a tab's top frame is ignored.
 */
async function cardVisible(sender: Sender): Promise<{ shown: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return { shown: false };
  return { shown: await showCardNow(tabId, hostnameOfUrl(sender.url ?? sender.tab?.url)) };
}

/**
 * The rest of the card goes only to the frame of the card that asked, in a web page's tab (the card is a content
 * script: its sender has a tab and a frame, never an extension page's URL).
 */
async function cardMore(sender: Sender): Promise<{ injected: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId === undefined || sender.url?.startsWith(browser.runtime.getURL('/'))) return { injected: false };
  return { injected: await injectCardMore(tabId, sender.frameId) };
}

/**
 * The popup's "Show the card here" and "Show on page": only the extension's own pages may put a card on a tab
 * they name. The card in a page (a content script, whose sender.url is that page) has no business with other tabs.
 */
async function showOnTab({ type, tabId }: Extract<Message, { type: 'card:show' | 'detection:show' }>, sender: Sender): Promise<{ shown: boolean }> {
  if (!sender.url?.startsWith(browser.runtime.getURL('/'))) throw new Error(`Python Inside rejected a message: ${type} comes only from its own pages`);
  return { shown: await (type === 'card:show' ? showCardOnTab : showDetectionsOnTab)(tabId) };
}

async function answer(message: Message, sender: Sender): Promise<ResponseFor[Message['type']]> {
  switch (message.type) {
    case 'card:visible':
      return cardVisible(sender);
    case 'site:set-enabled':
      await setSiteEnabled(message.companyId, message.enabled);
      return { ok: true, enabled: message.enabled };
    case 'dataset:ensure':
      await prepareDatabase();
      return { version: profileLookup.version, problem: databaseProblem() };
    case 'options:open':
      await browser.runtime.openOptionsPage();
      return { ok: true };
    case 'card:more':
      return cardMore(sender);
    case 'popup:open':
      return popupView(message.tabId);
    case 'detection:for-tab':
      return detectionForTab(message.tabId);
    case 'card:show':
    case 'detection:show':
      return showOnTab(message, sender);
    case 'dataset:companies':
      // A page that cannot read IndexedDB itself gets the profiles from here (the packaged ones if need be).
      await prepareDatabase();
      return { version: profileLookup.version, companies: await profileLookup.everyCompany(), problem: databaseProblem() };
  }
}

/**
 * runtime.onMessage handler: a promise of the answer, or a rejected promise naming what was wrong, which the
 * sender receives as an error.
 */
export function handleMessage(raw: unknown, sender: Sender, ownId: string = browser.runtime.id): Promise<unknown> {
  // Only our own contexts (card, popup, options, browse page) may ask; there is no externally_connectable, and
  // web pages cannot reach runtime.onMessage, but a message from anything else is refused all the same.
  if (sender.id !== ownId) return Promise.reject(new Error('Python Inside rejected a message: not from this extension'));
  const parsed = parseMessage(raw);
  if ('error' in parsed) return Promise.reject(new Error(`Python Inside rejected a message: ${parsed.error}`));
  return answer(parsed.message, sender);
}
