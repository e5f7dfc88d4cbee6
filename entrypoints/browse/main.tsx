import { render } from 'preact';
import '@/components/card.css';
import '@/components/pages.css';
import '@/components/grid.css';
import { BrowseApp } from '@/components/BrowseApp';

render(<BrowseApp />, document.getElementById('app')!);
