import { render } from 'preact';
import { localizePage } from '@/data/i18n/translate';
import '@/components/card/card.css';
import '@/components/card/profile.css';
import '@/components/shared/pages.css';
import '@/components/browse/grid.css';
import { BrowseApp } from '@/components/browse/BrowseApp';

localizePage('browseTitle');
render(<BrowseApp />, document.getElementById('app')!);
