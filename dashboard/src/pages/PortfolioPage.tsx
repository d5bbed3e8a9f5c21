import { useMemo } from 'react';
import { Link } from 'react-router';
import { usePortfolio } from '../lib/api/portfolio';
import type { Band, Me, PortfolioItem } from '../lib/api/types';
import type { CsvColumn } from '../lib/csv';
import { arr, count, date, time } from '../lib/format';
import { useLive } from '../lib/live';
import { accountPath, paths } from '../lib/paths';
import { mayExportPortfolios, mayOpen } from '../lib/permissions';
import {
  distinct,
  filterRows,
  latestData,
  nextSort,
  SORT_COLUMNS,
  sortRows,
  type PortfolioFilter,
  type PortfolioRow,
  type SortColumn,
  type SortDirection,
} from '../lib/portfolioTable';
import { CsvButton } from '../components/CsvButton';
import { PortfolioDownloads } from '../components/PortfolioDownloads';
import { Empty, QueryState } from '../components/ErrorState';
import { BandBadge, Delta } from '../components/Score';
import { Sparkline } from '../components/Sparkline';
import { useUrlParams } from '../lib/useUrlParams';

const COLUMN_LABEL: Record<SortColumn, string> = {
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

const RENEWAL_WINDOWS = [
  { value: 0, label: 'Any renewal date' },
  { value: 30, label: 'Renews within 30 days' },
  { value: 90, label: 'Renews within 90 days' },
  { value: 180, label: 'Renews within 180 days' },
];

export const portfolioCsvColumns: CsvColumn<PortfolioRow>[] = [
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

function readFilter(params: URLSearchParams): PortfolioFilter {
  return {
    search: params.get('q') ?? '',
    band: (params.get('band') ?? '') as Band | '',
    segment: params.get('segment') ?? '',
    plan: params.get('plan') ?? '',
    renewalWithin: Number(params.get('renewal') ?? 0) || 0,
  };
}

function readSort(params: URLSearchParams): { column: SortColumn; direction: SortDirection } {
  const column = params.get('sort') as SortColumn | null;
  return {
    column: column && SORT_COLUMNS.includes(column) ? column : 'risk',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

function SparkCell({ item }: { item: PortfolioItem }) {
  return <Sparkline points={item.sparkline} label={`${item.name} score, 30 days`} />;
}

function ChoiceFilter({ label, all, value, choices, onChange }: { label: string; all: string; value: string; choices: string[]; onChange: (v: string) => void }) {
  return (
    <label>
      {label}
      <select data-testid={`filter-${label.toLowerCase()}`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {choices.map((c) => (
          <option key={c} value={c}>{c}</option>
        ))}
      </select>
    </label>
  );
}

function SortHeader({ column, sort, onSort }: { column: SortColumn; sort: { column: SortColumn; direction: SortDirection }; onSort: (c: SortColumn) => void }) {
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

export function PortfolioPage({ me }: { me: Me }) {
  const [params, set] = useUrlParams();
  const owner = params.get('owner') ?? undefined;
  const { pollMs } = useLive();
  const portfolio = usePortfolio(owner, pollMs);
  const filter = readFilter(params);
  const sort = readSort(params);

  const rows: PortfolioRow[] = useMemo(
    () =>
      (portfolio.data?.accounts ?? []).map((a, risk) => ({ ...a, risk })),
    [portfolio.data],
  );
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort.column, sort.direction), [rows, filter, sort]);

  const onSort = (column: SortColumn) => {
    const s = nextSort(sort, column);
    set({ sort: s.column === 'risk' && s.direction === 'asc' ? '' : s.column, dir: s.direction === 'desc' ? 'desc' : '' });
  };
  const latest = latestData(rows);
  const whose = owner ?? me.email ?? me.subject;

  return (
    <section aria-labelledby="portfolio-heading">
      <div className="page-head">
        <h1 id="portfolio-heading">Portfolio {owner ? `of ${owner}` : ''}</h1>
        <p className="muted">
          <span data-testid="latest-data" data-at={latest ?? ''}>
            Latest data: {time(latest ?? portfolio.data?.asOf)}
          </span>
          {portfolio.data && <> · as of {time(portfolio.data.asOf)}</>}
        </p>
      </div>
      <form className="filters" role="search" aria-label="Filter accounts" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search
          <input type="search" data-testid="search" value={filter.search} placeholder="Account name or id"
            onChange={(e) => set({ q: e.target.value })} />
        </label>
        <label>
          Band
          <select data-testid="filter-band" value={filter.band} onChange={(e) => set({ band: e.target.value })}>
            <option value="">All bands</option>
            <option value="at_risk">At risk</option>
            <option value="neutral">Neutral</option>
            <option value="healthy">Healthy</option>
          </select>
        </label>
        <ChoiceFilter label="Segment" all="All segments" value={filter.segment} choices={distinct(rows, 'segment')}
          onChange={(segment) => set({ segment })} />
        <ChoiceFilter label="Plan" all="All plans" value={filter.plan} choices={distinct(rows, 'plan')}
          onChange={(plan) => set({ plan })} />
        <label>
          Renewal
          <select data-testid="filter-renewal" value={filter.renewalWithin}
            onChange={(e) => set({ renewal: e.target.value === '0' ? '' : e.target.value })}>
            {RENEWAL_WINDOWS.map((w) => (
              <option key={w.value} value={w.value}>{w.label}</option>
            ))}
          </select>
        </label>
        <CsvButton testId="csv-portfolio" filename={`pulse-portfolio-${whose}.csv`} columns={portfolioCsvColumns} rows={shown} />
      </form>
      {/* Only once the portfolio loaded: one the caller may not read, they may not export either. */}
      {mayExportPortfolios(me) && portfolio.data && <PortfolioDownloads owner={portfolio.data.owner} />}
      <QueryState query={portfolio} what={owner ? `the portfolio of ${owner}` : 'your portfolio'}>
        {(data) =>
          data.accounts.length === 0 ? (
            <Empty>
              No accounts are owned by {data.owner}.
              {!owner && mayOpen(me, 'team') && (
                <>
                  {' '}Your team's accounts are in the <Link to={paths.team}>team view</Link>.
                </>
              )}
            </Empty>
          ) : shown.length === 0 ? (
            <Empty>No account matches these filters.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="portfolio">
                <caption className="sr-only">
                  {shown.length} of {rows.length} accounts; sorted by {COLUMN_LABEL[sort.column]}
                </caption>
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
                  {shown.map((row) => (
                    <tr key={row.tenantId} data-testid="portfolio-row" data-tenant={row.tenantId} data-band={row.band ?? 'none'} data-score={row.score ?? ''}>
                      <th scope="row">
                        <Link to={accountPath(row.tenantId)}>{row.name}</Link>
                        <span className="muted tenant-id">{row.tenantId}</span>
                      </th>
                      <td><BandBadge band={row.band} value={row.score} /></td>
                      <td><SparkCell item={row} /></td>
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
          )
        }
      </QueryState>
    </section>
  );
}
