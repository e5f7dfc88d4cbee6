import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CompanyBrowser } from '@/components/popup/CompanyBrowser';
import { CompanyCard } from '@/components/card/CompanyCard';
import { SiteList } from '@/components/options/SiteList';
import { DetectionReport } from '@/components/popup/DetectionReport';
import type { Detection } from '@/data/detection/types';
import { DEFAULT_SETTINGS } from '@/data/settings/shape';
import { withToolLinks } from '@/data/profiles/tool-links';
import { acme, fixtureTools, globex } from '../fixtures/profiles';

describe('CompanyCard', () => {
  it('shows the company, its uses grouped by area in a fixed order, tools, languages and numbered sources', () => {
    render(<CompanyCard company={acme} headingId="h" />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Acme');
    expect(screen.getByText('Part of Acme Holdings')).toBeTruthy();
    expect(screen.getByText('Acme runs its storefront on Python.')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Web backend', 'Machine learning', 'Sources']);
    const web = screen.getByRole('region', { name: 'Web backend' });
    expect(within(web).getAllByRole('listitem').filter((li) => li.classList.contains('pi-use')).length).toBe(2);
    expect(within(web).getAllByRole('list', { name: 'Tools' })[0]!.textContent).toBe('DjangoCelery');
    expect(screen.getByLabelText('Sources 2, 1').textContent).toBe('[2][1]');
    expect(screen.getByText('Go, Rust')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'How Acme uses Django' });
    expect(link.getAttribute('href')).toBe('https://acme.test/blog/django');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('tells own sources from third-party reports', () => {
    render(<CompanyCard company={{ ...acme, sources: [acme.sources[0]!, { ...acme.sources[1]!, kind: 'third-party' }] }} />);
    const items = within(screen.getByRole('region', { name: 'Sources' })).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.pi-kind')?.textContent)).toEqual(['Own blog', 'Third party']);
    expect(items[0]!.querySelector('.pi-kind')?.getAttribute('title')).toBe("The company's own engineering blog");
  });

  it('links each tool to its page in a new tab, marks a use that ended, and says how old the evidence is', () => {
    const linked = withToolLinks({ ...acme, uses: [...acme.uses.slice(0, 2), { ...acme.uses[2]!, text: 'Until 2019 internal APIs used Flask.', until: 2019 }] }, fixtureTools);
    render(<CompanyCard company={linked} />);
    const django = screen.getByRole('link', { name: 'Django' });
    expect(django.getAttribute('href')).toBe('https://www.djangoproject.com/');
    expect(django.getAttribute('target')).toBe('_blank');
    expect(django.getAttribute('rel')).toBe('noopener noreferrer');
    expect(django.getAttribute('title')).toBe('Web framework');
    const flask = screen.getByText('Until 2019 internal APIs used Flask.').closest('li')!;
    expect(flask.querySelector('.pi-until')?.textContent).toBe('until 2019');
    expect(screen.getByText(/^Sources from 2020 to 2021 · reviewed November 2026$/)).toBeTruthy();
  });

  it('renders data as text, never as markup', () => {
    const { container } = render(<CompanyCard company={{ ...globex, summary: '<img src=x onerror=alert(1)>' }} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});

describe('CompanyBrowser', () => {
  it('finds companies by tool, domain or name and opens a card', () => {
    render(<CompanyBrowser companies={[acme, globex]} />);
    const search = screen.getByRole('searchbox', { name: 'Search companies' });
    fireEvent.input(search, { target: { value: 'pandas' } });
    // Each result says why it matched, beside the name.
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Globextool pandas']);
    fireEvent.input(search, { target: { value: 'machine learning' } });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Acmearea Machine learning']);
    fireEvent.input(search, { target: { value: 'gbx.test' } });
    expect(screen.getByRole('status').textContent).toBe('1 of 2 companies');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Globexdomain gbx.test']);
    fireEvent.input(search, { target: { value: 'cobol' } });
    expect(screen.getByText('No company matches “cobol”.')).toBeTruthy();
    fireEvent.input(search, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: /Acme/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Acme');
    // Focus follows: on the opened company's name, then back on the result it was opened from.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    fireEvent.click(screen.getByRole('button', { name: '← All companies' }));
    expect(screen.getByRole('status').textContent).toBe('2 companies');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Acme/ }));
  });

  it('arrow keys lead from the search box through the results and back; Escape closes an opened company', () => {
    render(<CompanyBrowser companies={[acme, globex]} />);
    const search = screen.getByRole('searchbox', { name: 'Search companies' });
    const [first, second] = screen.getAllByRole('button');
    search.focus();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(search);
    fireEvent.click(second!);
    fireEvent.keyDown(screen.getByRole('heading', { level: 2 }), { key: 'Escape' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Globex/ }));
  });
});

describe('SiteList', () => {
  it('has one checkbox per company labelled with its name, domains described', () => {
    const onToggle = vi.fn();
    const onSetAll = vi.fn();
    render(
      <SiteList companies={[acme, globex]} settings={{ ...DEFAULT_SETTINGS, disabledSites: ['globex'] }} onToggle={onToggle} onSetAll={onSetAll} />,
    );
    const acmeBox = screen.getByRole('checkbox', { name: 'Acme' }) as HTMLInputElement;
    const globexBox = screen.getByRole('checkbox', { name: 'Globex' }) as HTMLInputElement;
    expect([acmeBox.checked, globexBox.checked]).toEqual([true, false]);
    expect(acmeBox.getAttribute('aria-describedby')).toBe('domains-acme');
    expect(document.getElementById('domains-acme')?.textContent).toBe('acme.test, acme-cdn.test');
    fireEvent.click(globexBox);
    cleanup();
    const many = { ...acme, domains: Array.from({ length: 12 }, (_, i) => `d${i}.test`) };
    render(<SiteList companies={[many]} settings={DEFAULT_SETTINGS} onToggle={onToggle} onSetAll={onSetAll} />);
    expect(document.getElementById('domains-acme')?.textContent).toBe('d0.test, d1.test, d2.test, d3.test, d4.test, d5.test, d6.test, d7.test and 4 more');
    expect(screen.getByText('Show all 12 domains')).toBeTruthy();
    cleanup();
    render(
      <SiteList companies={[acme, globex]} settings={{ ...DEFAULT_SETTINGS, disabledSites: ['globex'] }} onToggle={onToggle} onSetAll={onSetAll} />,
    );
    expect(onToggle).toHaveBeenCalledWith('globex', true);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter' }), { target: { value: 'django' } });
    expect(screen.getAllByRole('checkbox').length).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Disable shown' }));
    expect(onSetAll).toHaveBeenCalledWith(['acme'], false);
  });
});

describe('DetectionReport', () => {
  it('says what matched for each piece of evidence, in words, with the part the rule looked for marked', () => {
    const detections: Detection[] = [
      {
        id: 'mkdocs',
        name: 'MkDocs',
        category: 'docs',
        website: 'https://www.mkdocs.org/',
        confidence: 'medium',
        evidence: [
          { kind: 'element', subject: '<a href="https://www.mkdocs.org/">', matched: 'mkdocs.org' },
          { kind: 'element', subject: '<div id="mkdocs_search_modal">' },
          { kind: 'script', subject: '/_nicegui/2.5.0/static/nicegui.js…', matched: '/_nicegui/' },
          { kind: 'header', subject: 'server', value: 'Python/3.11 aiohttp/3.8.4', matched: 'aiohttp/' },
          { kind: 'meta', subject: 'generator', value: 'Docutils 0.19: https://docutils.sourceforge.io/', matched: 'Docutils' },
          { kind: 'cookie', subject: 'sessionid' },
          { kind: 'host', subject: 'demo.streamlit.app', matched: 'streamlit.app' },
        ],
      },
    ];
    render(<DetectionReport detections={detections} tabId={null} />);
    const items = within(screen.getByRole('list', { name: 'Evidence for MkDocs' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'page element <a href="https://www.mkdocs.org/">',
      'page element <div id="mkdocs_search_modal">',
      'script loaded from /_nicegui/2.5.0/static/nicegui.js…',
      'response header Server: Python/3.11 aiohttp/3.8.4',
      'meta tag generator: Docutils 0.19: https://docutils.sourceforge.io/',
      'cookie sessionid',
      'site address demo.streamlit.app',
    ]);
    expect(items.map((li) => li.querySelector('mark')?.textContent ?? '')).toEqual(['mkdocs.org', '', '/_nicegui/', 'aiohttp/', 'Docutils', '', 'streamlit.app']);
    // What was found is code; only the frame around it is translated.
    expect(items.every((li) => li.querySelector('code') !== null)).toBe(true);
  });
});
