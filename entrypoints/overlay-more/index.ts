import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerCardMore } from '@/components/card/more';

// The rest of the card on this page (components/card/card-more.ts): the full profile, the note after "Don't show on
// this site", settings from a change event. Injected by the background into the card's own frame and isolated
// world only when the card needs it (entrypoints/background/card/injection.ts), so the script every showing of the
// card loads stays small. It only registers itself; the card draws with it.
export default defineUnlistedScript(() => {
  registerCardMore();
});
