import { render } from 'preact';
import '@/components/card.css';
import '@/components/pages.css';
import { PopupApp } from '@/components/PopupApp';
import { tabIdFromSearch } from '@/data/tab-company';

render(<PopupApp tabId={tabIdFromSearch(location.search)} />, document.getElementById('app')!);
