import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AreaGrid } from '@/components/browse/AreaGrid';
import { BrowseApp } from '@/components/browse/BrowseApp';
import { areaGrid, cellDescription, parseProfileHash, profileHash } from '@/components/browse/area-grid';
import { AREAS } from '@/data/profiles/areas';
import { makeDataset } from '@/data/storage/dataset';
import { seedDataset } from '@/data/storage/db';
import { acme, globex } from '../fixtures/profiles';

const zeta = { ...globex, id: 'zeta', name: 'Zeta', domains: ['zeta.test'] };

describe('areaGrid', () => {
  it('gives every company one cell per area, counting its uses and tools there', () => {
    const grid = areaGrid([globex, acme]);
    expect(grid.rows.map((r) => r.company.id)).toEqual(['acme', 'globex']);
    const acmeRow = grid.rows[0]!;
    expect(acmeRow.cells.map((c) => c.area)).toEqual([...AREAS]);
    expect(acmeRow.cells.find((c) => c.area === 'web-backend')).toEqual({ area: 'web-backend', uses: 2, tools: ['Django', 'Celery', 'Flask'] });
    expect(acmeRow.cells.find((c) => c.area === 'science')).toEqual({ area: 'science', uses: 0, tools: [] });
    expect(acmeRow.areas).toBe(2);
  });

  it('counts, per area, how many companies use Python there', () => {
    const columns = Object.fromEntries(areaGrid([acme, globex, zeta]).columns.map((c) => [c.area, c.companies]));
    expect(columns).toEqual({
      'web-backend': 1,
      'machine-learning': 1,
      data: 2,
      infrastructure: 0,
      science: 2,
      'desktop-client': 0,
      tooling: 0,
    });
  });

  it('sorts by name or by breadth, ties by name', () => {
    const broad = { ...acme, id: 'broad', name: 'Broad', domains: ['broad.test'], uses: [...acme.uses, { ...acme.uses[0]!, area: 'tooling' as const }] };
    expect(areaGrid([zeta, acme, broad, globex], 'breadth').rows.map((r) => r.company.name)).toEqual(['Broad', 'Acme', 'Globex', 'Zeta']);
    expect(areaGrid([zeta, acme, broad, globex], 'name').rows.map((r) => r.company.name)).toEqual(['Acme', 'Broad', 'Globex', 'Zeta']);
  });

  it('sorts by the newest source, newest first, ties by name', () => {
    const fresh = { ...globex, id: 'fresh', name: 'Fresh', domains: ['fresh.test'], sources: [{ ...globex.sources[0]!, year: 2025 }] };
    // acme's newest source is from 2021, globex's and zeta's from 2019
    expect(areaGrid([zeta, acme, fresh, globex], 'recent').rows.map((r) => r.company.name)).toEqual(['Fresh', 'Acme', 'Globex', 'Zeta']);
  });

  it('describes a cell in words and links it to the profile at that area', () => {
    const cell = areaGrid([acme]).rows[0]!.cells[1]!;
    expect(cellDescription(acme, cell)).toBe('Acme, Machine learning: 1 use (PyTorch)');
    expect(profileHash('acme', 'machine-learning')).toBe('#/company/acme/machine-learning');
    expect(parseProfileHash('#/company/acme/machine-learning')).toEqual({ id: 'acme', area: 'machine-learning' });
    expect(parseProfileHash('#/company/acme')).toEqual({ id: 'acme', area: null });
    expect(parseProfileHash('#/company/acme/gardening')).toEqual({ id: 'acme', area: null });
    expect(parseProfileHash('#/')).toBeNull();
    expect(parseProfileHash('#/company/<script>')).toBeNull();
  });
});

describe('AreaGrid', () => {
  it('is a table screen readers can navigate: caption, column and row headers, described cells', () => {
    render(<AreaGrid grid={areaGrid([acme, globex])} caption="Python use by company and area, 2 companies" />);
    const table = screen.getByRole('table', { name: 'Python use by company and area, 2 companies' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      'Company',
      'Web backend1 of 2 companies',
      'Machine learning1 of 2 companies',
      'Data1 of 2 companies',
      'Infrastructure0 of 2 companies',
      'Science1 of 2 companies',
      'Desktop client0 of 2 companies',
      'Tooling0 of 2 companies',
    ]);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Acme', 'Globex']);
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '1', 'none', 'none', 'none', 'none', 'none']);
    const ml = within(row).getByRole('link', { name: 'Acme, Machine learning: 1 use (PyTorch)' });
    expect(ml.getAttribute('href')).toBe('#/company/acme/machine-learning');
    expect(within(row).getByRole('link', { name: 'Acme' }).getAttribute('href')).toBe('#/company/acme');
  });
});

describe('BrowseApp', () => {
  afterEach(() => {
    location.hash = '';
  });

  async function openPage() {
    await seedDataset(makeDataset([acme, globex, zeta]));
    render(<BrowseApp />);
    return screen.findByRole('table');
  }

  it('shows every company in the grid, with the dataset in figures', async () => {
    const table = await openPage();
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Acme', 'Globex', 'Zeta']);
    expect(screen.getByText(/3 companies, 7 uses, 6 sources \(4 from the companies themselves\)/)).toBeTruthy();
  });

  it('filters as you type and sorts by breadth', async () => {
    const table = await openPage();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter companies' }), { target: { value: 'machine learning' } });
    const rows = within(screen.getByRole('table')).getAllByRole('rowheader');
    expect(rows.map((h) => h.querySelector('a')?.textContent)).toEqual(['Acme']);
    expect(rows.map((h) => h.querySelector('.pi-why')?.textContent)).toEqual(['area Machine learning']);
    expect(screen.getByRole('status').textContent).toBe('1 of 3 companies');
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter companies' }), { target: { value: 'cobol' } });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('No company matches “cobol”.')).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter companies' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'breadth' } });
    expect(within(screen.getByRole('table')).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Acme', 'Globex', 'Zeta']);
    expect(table).toBeTruthy();
  });

  it('opens a profile at the chosen area from a cell, and goes back to the grid', async () => {
    await openPage();
    location.hash = profileHash('acme', 'machine-learning');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Acme' });
    expect(heading).toBeTruthy();
    const area = screen.getByRole('region', { name: 'Machine learning' });
    expect(area.classList.contains('pi-area-highlight')).toBe(true);
    expect(document.activeElement).toBe(area);
    location.hash = '#/';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByRole('table');
    expect(document.activeElement?.textContent).toBe('Acme');
  });

  it('says so when the address names no profile', async () => {
    location.hash = '#/company/nobody';
    await seedDataset(makeDataset([acme]));
    render(<BrowseApp />);
    expect((await screen.findByRole('alert')).textContent).toContain('No profile called “nobody”.');
  });
});
