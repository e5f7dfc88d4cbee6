import { cellDescription, profileHash, type AreaGrid as Grid } from './area-grid';
import { t } from '@/data/i18n/translate';

interface Props {
  grid: Grid;
  /** the caption screen readers announce for the table; also shown above it */
  caption: string;
  /** why each company is listed, by company id, when a search filtered the grid */
  why?: ReadonlyMap<string, string>;
}

/**
 * Every company against every area as a real table: sighted readers see coloured cells, screen readers hear
 * row and column headers with each cell. A filled cell links to the company's profile opened at that area.
 */
export function AreaGrid({ grid, caption, why }: Props) {
  const total = grid.rows.length;
  return (
    <div class="pi-grid-scroll">
      <table class="pi-grid">
        <caption class="pi-grid-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="pi-grid-corner">
              {t('company')}
            </th>
            {grid.columns.map((column) => (
              <th scope="col" key={column.area} class="pi-grid-area" data-area={column.area}>
                <span class="pi-grid-area-label">{column.label}</span>
                <span class="pi-grid-area-count">
                  {column.companies}
                  <span class="pi-sr">{t('ofCompanies', total)}</span>
                </span>
                <span class="pi-grid-bar" aria-hidden="true">
                  <span style={{ width: `${total ? (100 * column.companies) / total : 0}%` }} />
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map(({ company, cells }) => (
            <tr key={company.id}>
              <th scope="row" class="pi-grid-company">
                <a href={profileHash(company.id)}>{company.name}</a>
                {why?.get(company.id) && <span class="pi-why">{why.get(company.id)}</span>}
              </th>
              {cells.map((cell) => (
                <td key={cell.area} class="pi-grid-cell" data-area={cell.area}>
                  {cell.uses > 0 ? (
                    <a
                      class="pi-cell pi-cell-filled"
                      href={profileHash(company.id, cell.area)}
                      aria-label={cellDescription(company, cell)}
                      title={cellDescription(company, cell)}
                    >
                      {cell.uses}
                    </a>
                  ) : (
                    <span class="pi-cell pi-cell-empty">
                      <span class="pi-sr">{t('noneCell')}</span>
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
