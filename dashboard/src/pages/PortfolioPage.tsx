import { useMemo } from 'react';
import { Link } from 'react-router';
import { usePortfolio } from '../lib/api/portfolio';
import type { Band, Me } from '../lib/api/types';
import { time } from '../lib/format';
import { useLive } from '../lib/live';
import { paths } from '../lib/paths';
import { mayExportPortfolios, mayOpen } from '../lib/permissions';
import { distinct, filterRows, latestData, sortRows, type PortfolioFilter, type PortfolioRow } from '../lib/portfolioTable';
import { AccountTable, COLUMN_LABEL, portfolioCsvColumns, useUrlSort } from '../components/AccountTable';
import { CsvButton } from '../components/CsvButton';
import { PortfolioDownloads } from '../components/PortfolioDownloads';
import { Empty, QueryState } from '../components/ErrorState';
import { useUrlParams } from '../lib/useUrlParams';

const RENEWAL_WINDOWS = [
  { value: 0, label: 'Any renewal date' },
  { value: 30, label: 'Renews within 30 days' },
  { value: 90, label: 'Renews within 90 days' },
  { value: 180, label: 'Renews within 180 days' },
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

export function PortfolioPage({ me }: { me: Me }) {
  const [params, set] = useUrlParams();
  const owner = params.get('owner') ?? undefined;
  const { pollMs } = useLive();
  const portfolio = usePortfolio(owner, pollMs);
  const filter = readFilter(params);
  const [sort, onSort] = useUrlSort();

  const rows: PortfolioRow[] = useMemo(
    () =>
      (portfolio.data?.accounts ?? []).map((a, risk) => ({ ...a, risk })),
    [portfolio.data],
  );
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort.column, sort.direction), [rows, filter, sort]);

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
            <AccountTable rows={shown} sort={sort} onSort={onSort}
              caption={`${shown.length} of ${rows.length} accounts; sorted by ${COLUMN_LABEL[sort.column]}`} />
          )
        }
      </QueryState>
    </section>
  );
}
