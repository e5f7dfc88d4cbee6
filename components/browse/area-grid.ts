/**
 * "Who uses Python for what": every company against every area. Pure data for the grid page, so the picture
 * and its screen-reader table come from the same numbers and can be tested without a browser.
 */
import { AREAS, type Area } from '@/data/profiles/areas';
import { areaLabel } from '@/data/i18n/labels';
import { t } from '@/data/i18n/translate';
import type { CompanyProfile } from '@/data/profiles/schema';

export interface GridCell {
  area: Area;
  /** how many of the company's uses fall in this area; 0 = no known Python use there */
  uses: number;
  tools: string[];
}

export interface GridRow {
  company: CompanyProfile;
  cells: GridCell[];
  /** how many areas are filled, for sorting by breadth */
  areas: number;
}

export interface GridColumn {
  area: Area;
  label: string;
  /** how many of the shown companies use Python in this area */
  companies: number;
}

export interface AreaGrid {
  columns: GridColumn[];
  rows: GridRow[];
}

export type GridOrder = 'name' | 'breadth' | 'recent';

/** The year of a company's newest source: how recent its evidence is. */
const newestYear = (company: CompanyProfile) => Math.max(...company.sources.map((s) => s.year));

export function areaGrid(companies: readonly CompanyProfile[], order: GridOrder = 'name'): AreaGrid {
  const rows = companies.map((company) => {
    const cells = AREAS.map((area) => {
      const uses = company.uses.filter((u) => u.area === area);
      return { area, uses: uses.length, tools: [...new Set(uses.flatMap((u) => u.tools))] };
    });
    return { company, cells, areas: cells.filter((c) => c.uses > 0).length };
  });
  const byName = (a: GridRow, b: GridRow) => a.company.name.localeCompare(b.company.name, 'en');
  const orders: Record<GridOrder, (a: GridRow, b: GridRow) => number> = {
    name: byName,
    breadth: (a, b) => b.areas - a.areas || byName(a, b),
    recent: (a, b) => newestYear(b.company) - newestYear(a.company) || byName(a, b),
  };
  rows.sort(orders[order]);
  const columns = AREAS.map((area, i) => ({
    area,
    label: areaLabel(area),
    companies: rows.filter((r) => r.cells[i]!.uses > 0).length,
  }));
  return { columns, rows };
}

/** What a filled cell says in words: the accessible name of its link and its tooltip. */
export function cellDescription(company: CompanyProfile, cell: GridCell): string {
  const tools = cell.tools.length ? ` (${cell.tools.join(', ')})` : '';
  const label = areaLabel(cell.area);
  return (cell.uses === 1 ? t('cellUse', company.name, label) : t('cellUses', company.name, label, cell.uses)) + tools;
}

/** The grid page's address for a company, optionally opened at one area: browse.html#/company/<id>/<area> */
export const profileHash = (id: string, area?: Area) => `#/company/${id}${area ? `/${area}` : ''}`;

/** The company (and area) a browse.html hash points at, or null for the grid itself. */
export function parseProfileHash(hash: string): { id: string; area: Area | null } | null {
  const m = /^#\/company\/([a-z0-9-]+)(?:\/([a-z-]+))?$/.exec(hash);
  if (!m) return null;
  const area = AREAS.find((a) => a === m[2]) ?? null;
  return { id: m[1]!, area };
}
