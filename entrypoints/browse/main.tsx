import { render } from 'preact';
import { localizePage } from '@/data/i18n/translate';
import '@/components/card.css';
import '@/components/pages.css';
import '@/components/grid.css';
import { BrowseApp } from '@/components/BrowseApp';

localizePage('browseTitle');
render(<BrowseApp />, document.getElementById('app')!);
