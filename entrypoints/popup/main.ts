import { localizePage } from '@/data/i18n/translate';
import '@/components/card/card.css';
import '@/components/card/profile.css';
import '@/components/shared/pages.css';
import { earlyPopupView } from '@/components/popup/opening';
import { drawPopup } from '@/components/popup/popup-page';

localizePage('extName');
drawPopup(document.getElementById('app')!, earlyPopupView());
