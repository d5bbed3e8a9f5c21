import { useMemo } from 'react';
import { Link } from 'react-router';
import type { PortfolioItem } from '../lib/api/types';
import type { CsvColumn } from '../lib/csv';
import { arr, count, date } from '../lib/format';
import { accountPath } from '../lib/paths';
import { nextSort, SORT_COLUMNS, sortRows, type PortfolioRow, type SortColumn, type SortDirection } from '../lib/portfolioTable';
import { useUrlParams } from '../lib/useUrlParams';
import { BandBadge, Delta } from './Score';
import { Sparkline } from './Sparkline';

// The table of accounts as the portfolio shows it, also used for a segment's members and a
// segment preview: same columns, links and sort buttons, the sort kept in the URL.

export const COLUMN_LABEL: Record<SortColumn, string> = {
  risk: 'Risk',
  name: 'Account',
  score: 'Score',
  delta7d: '7 days',
  delta30d: '30 days',
  renewalDate: 'Renewal',
  arr: 'ARR',
  openAlerts: 'Alerts',
  openFollowUps: 'Follow-ups',
};

export const portfolioCsvColumns: CsvColumn<PortfolioItem>[] = [
  { header: 'tenant', value: (r) => r.tenantId },
  { header: 'name', value: (r) => r.name },
  { header: 'score', value: (r) => (r.score === undefined ? undefined : Math.round(r.score)) },
  { header: 'band', value: (r) => r.band },
  { header: 'change 7d', value: (r) => r.delta7d },
  { header: 'change 30d', value: (r) => r.delta30d },
  { header: 'reason', value: (r) => r.topReason },
  { header: 'renewal date', value: (r) => r.renewalDate },
  { header: 'arr', value: (r) => r.arr },
  { header: 'open alerts', value: (r) => r.openAlerts },
  { header: 'open follow-ups', value: (r) => r.openFollowUps },
  { header: 'segment', value: (r) => r.segment },
  { header: 'plan', value: (r) => r.plan },
];

export type TableSort = { column: SortColumn; direction: SortDirection };

/** The table's sort in the URL (`sort`, `dir`): riskiest first by default. */
export function useUrlSort(): [TableSort, (column: SortColumn) => void] {
  const [params, set] = useUrlParams();
  const column = params.get('sort') as SortColumn | null;
  const sort: TableSort = {
    column: column && SORT_COLUMNS.includes(column) ? column : 'risk',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
  const onSort = (next: SortColumn) => {
    const s = nextSort(sort, next);
    set({ sort: s.column === 'risk' && s.direction === 'asc' ? '' : s.column, dir: s.direction === 'desc' ? 'desc' : '' });
  };
  return [sort, onSort];
}

/** The API's rows (riskiest first) sorted as the URL says. */
export function useSortedAccounts(accounts: PortfolioItem[] | undefined): { rows: PortfolioRow[]; sort: TableSort; onSort: (c: SortColumn) => void } {
  const [sort, onSort] = useUrlSort();
  const rows = useMemo(() => sortRows((accounts ?? []).map((a, risk) => ({ ...a, risk })), sort.column, sort.direction), [accounts, sort.column, sort.direction]);
  return { rows, sort, onSort };
}

function SortHeader({ column, sort, onSort }: { column: SortColumn; sort: TableSort; onSort: (c: SortColumn) => void }) {
  const active = sort.column === column;
  return (
    <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort" data-testid={`sort-${column}`} onClick={() => onSort(column)}>
        {COLUMN_LABEL[column]}
        <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ↑' : ' ↓') : ''}</span>
      </button>
    </th>
  );
}

export function AccountTable({ rows, sort, onSort, caption, rowTestId = 'portfolio-row' }: {
  rows: PortfolioRow[];
  sort: TableSort;
  onSort: (column: SortColumn) => void;
  caption: string;
  /** `portfolio-row` in the portfolio; other tables name their rows. */
  rowTestId?: string;
}) {
  return (
    <div className="table-wrap">
      <table className="portfolio">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <SortHeader column="name" sort={sort} onSort={onSort} />
            <SortHeader column="score" sort={sort} onSort={onSort} />
            <th scope="col">Last 30 days</th>
            <SortHeader column="delta7d" sort={sort} onSort={onSort} />
            <SortHeader column="delta30d" sort={sort} onSort={onSort} />
            <th scope="col">Why</th>
            <SortHeader column="renewalDate" sort={sort} onSort={onSort} />
            <SortHeader column="arr" sort={sort} onSort={onSort} />
            <SortHeader column="openAlerts" sort={sort} onSort={onSort} />
            <SortHeader column="openFollowUps" sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.tenantId} data-testid={rowTestId} data-tenant={row.tenantId} data-band={row.band ?? 'none'} data-score={row.score ?? ''}>
              <th scope="row">
                <Link to={accountPath(row.tenantId)}>{row.name}</Link>
                <span className="muted tenant-id">{row.tenantId}</span>
              </th>
              <td><BandBadge band={row.band} value={row.score} /></td>
              <td><Sparkline points={row.sparkline} label={`${row.name} score, 30 days`} /></td>
              <td><Delta value={row.delta7d} label="7-day change" /></td>
              <td><Delta value={row.delta30d} label="30-day change" /></td>
              <td className="reason">{row.topReason ?? '–'}</td>
              <td>{date(row.renewalDate)}</td>
              <td className="num">{arr(row.arr)}</td>
              <td className="num">{count(row.openAlerts)}</td>
              <td className="num">{count(row.openFollowUps)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
