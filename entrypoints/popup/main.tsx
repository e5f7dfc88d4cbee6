import { render } from 'preact';
import { localizePage } from '@/data/i18n/translate';
import '@/components/card/card.css';
import '@/components/shared/pages.css';
import { PopupApp } from '@/components/popup/PopupApp';
import { tabIdFromSearch } from '@/components/popup/tab-param';

localizePage('extName');
render(<PopupApp tabId={tabIdFromSearch(location.search)} />, document.getElementById('app')!);
