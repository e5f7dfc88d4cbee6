import { render } from 'preact';
import '@/components/card.css';
import '@/components/pages.css';
import { OptionsApp } from '@/components/OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);
