import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { earlyPopupView } from '@/components/popup/opening';

// The popup's first script, a plain one that runs as soon as the popup's HTML names it: it asks the background
// for what the popup shows while the interface's module scripts are still being fetched and run
// (components/popup/opening.ts). A module script could not: the page's modules are bundled into one, and all of
// its imports run before its first line.
export default defineUnlistedScript(() => {
  earlyPopupView().catch(() => undefined); // the popup takes the answer, or the error, in main.ts
});
