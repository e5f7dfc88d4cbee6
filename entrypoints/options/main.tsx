import { render } from 'preact';
import { localizePage } from '@/data/i18n/translate';
import '@/components/card.css';
import '@/components/pages.css';
import { OptionsApp } from '@/components/OptionsApp';

localizePage('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
