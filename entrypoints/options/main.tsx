import { render } from 'preact';
import { localizePage } from '@/data/i18n/translate';
import '@/components/card/card.css';
import '@/components/shared/pages.css';
import { OptionsApp } from '@/components/options/OptionsApp';

localizePage('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
