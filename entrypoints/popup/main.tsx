import { render } from 'preact';
import { localizePage } from '@/data/i18n/translate';
import '@/components/card.css';
import '@/components/pages.css';
import { PopupApp } from '@/components/PopupApp';
import { tabIdFromSearch } from '@/data/tab-company';

localizePage('extName');
render(<PopupApp tabId={tabIdFromSearch(location.search)} />, document.getElementById('app')!);
