import { Link } from 'react-router';
import { useSummary } from '../lib/api/summary';
import type { BandCounts, Me, RankedAccount, Summary } from '../lib/api/types';
import type { CsvColumn } from '../lib/csv';
import { rangeFromParams as rangeFromUrl, type DateRange, type Preset } from '../lib/dateRange';
import { arr, count, date, score } from '../lib/format';
import { accountPath, portfolioPath } from '../lib/paths';
import { mayExportPortfolios } from '../lib/permissions';
import { portfolioReportUrl } from '../lib/reports';
import { bandChange, teamRows, type TeamRow } from '../lib/team';
import { useUrlParams } from '../lib/useUrlParams';
import { CsvButton } from '../components/CsvButton';
import { ExportLinks } from '../components/ExportLinks';
import { RangePicker } from '../components/RangePicker';
import { Empty, QueryState } from '../components/ErrorState';
import { BandBadge, Delta } from '../components/Score';

const DEFAULT_PRESET: Preset = 'last-month';

export const teamCsvColumns: CsvColumn<TeamRow>[] = [
  { header: 'account manager', value: (r) => r.owner },
  { header: 'accounts', value: (r) => r.accounts },
  { header: 'scored', value: (r) => r.scored },
  { header: 'average score', value: (r) => (r.averageScore === undefined ? undefined : Math.round(r.averageScore * 10) / 10) },
  { header: 'average change', value: (r) => (r.averageChange === undefined ? undefined : Math.round(r.averageChange * 10) / 10) },
  { header: 'healthy', value: (r) => r.bands.healthy ?? 0 },
  { header: 'neutral', value: (r) => r.bands.neutral ?? 0 },
  { header: 'at risk', value: (r) => r.bands.at_risk ?? 0 },
  { header: 'arr', value: (r) => r.arr },
  { header: 'arr at risk', value: (r) => r.arrAtRisk },
  { header: 'events', value: (r) => r.events },
  { header: 'active users', value: (r) => r.activeUsers },
];

export function teamCsvName(range: DateRange): string {
  return `pulse-team-${range.from}-to-${range.to}.csv`;
}

/** The range in the URL: a preset, or explicit `from` and `to` dates; last month by default. */
export function rangeFromParams(params: URLSearchParams, now: Date = new Date()): { preset: Preset | 'custom'; range: DateRange } {
  return rangeFromUrl(params, DEFAULT_PRESET, now);
}

function Bands({ bands, change }: { bands: BandCounts; change?: BandCounts }) {
  const item = (key: keyof BandCounts, label: string) => (
    <li className={`band-count band-${key}`}>
      {label}: <strong>{bands[key] ?? 0}</strong>{' '}
      {change && <Delta value={change[key]} label={`${label} change against the previous period`} worseWhenUp={key !== 'healthy'} />}
    </li>
  );
  return (
    <ul className="bands">
      {item('healthy', 'Healthy')}
      {item('neutral', 'Neutral')}
      {item('at_risk', 'At risk')}
    </ul>
  );
}

function Ranked({ title, accounts }: { title: string; accounts: RankedAccount[] }) {
  return (
    <section aria-label={title} className="ranked">
      <h2>{title}</h2>
      {accounts.length === 0 ? (
        <Empty>No scored accounts.</Empty>
      ) : (
        <ol>
          {accounts.map((a) => (
            <li key={a.tenantId}>
              <Link to={accountPath(a.tenantId)}>{a.name ?? a.tenantId}</Link> <BandBadge band={a.band} value={a.score} />{' '}
              <Delta value={a.change} label="change over the range" /> <span className="muted">{a.owner}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * Reports of the page's range. Without an owner the API reports every account in the caller's
 * scope, which for a manager is exactly the team this page sums up.
 */
function TeamDownloads({ range }: { range: DateRange }) {
  return (
    <ExportLinks what={`team report, ${range.from} to ${range.to}`} testId="export-team"
      pdf={portfolioReportUrl('pdf', range)} csv={portfolioReportUrl('csv', range)}>
      <span className="muted">Team report:</span>
    </ExportLinks>
  );
}

function MemberDownloads({ owner, range }: { owner: string; range: DateRange }) {
  return (
    <ExportLinks small what={`portfolio report of ${owner}`} testId="export-member"
      pdf={portfolioReportUrl('pdf', range, owner)} csv={portfolioReportUrl('csv', range, owner)} />
  );
}

function TeamSummary({ summary, range, exports }: { summary: Summary; range: DateRange; exports: boolean }) {
  const rows = teamRows(summary.owners);
  const o = summary.overall;
  return (
    <>
      <div className="cards">
        <div className="card">
          <h2>Average score</h2>
          <p className="big">{score(o.averageScore)}</p>
          <Delta value={o.averageChange} label="average change over the range" />
          <p className="muted">{o.scored} of {o.accounts} accounts scored</p>
        </div>
        <div className="card">
          <h2>Bands at the end of the range</h2>
          <Bands bands={o.bands} change={bandChange(o.bands, o.bandsAtStart)} />
          <p className="muted">Change since the day before {date(range.from)}</p>
        </div>
        <div className="card">
          <h2>ARR at risk</h2>
          <p className="big">{arr(o.arrAtRisk)}</p>
          <p className="muted">of {arr(o.arr)} ARR, in accounts at risk at the end of the range</p>
        </div>
      </div>
      <section aria-labelledby="team-table-heading">
        <div className="section-head">
          <h2 id="team-table-heading">By account manager</h2>
          {exports && <TeamDownloads range={range} />}
          <CsvButton testId="csv-team" filename={teamCsvName(range)} columns={teamCsvColumns} rows={rows} />
        </div>
        {rows.length === 0 ? (
          <Empty>No accounts in your scope.</Empty>
        ) : (
          <div className="table-wrap">
            <table data-testid="team-table">
              <caption className="sr-only">Health per account manager</caption>
              <thead>
                <tr>
                  <th scope="col">Account manager</th>
                  <th scope="col">Accounts</th>
                  <th scope="col">Average score</th>
                  <th scope="col">Average change</th>
                  <th scope="col">Healthy</th>
                  <th scope="col">Neutral</th>
                  <th scope="col">At risk</th>
                  <th scope="col">ARR at risk</th>
                  <th scope="col">Events</th>
                  <th scope="col">Active users</th>
                  {exports && <th scope="col">Report</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.owner} data-testid="team-row" data-owner={r.owner}>
                    <th scope="row"><Link to={portfolioPath(r.owner)}>{r.owner}</Link></th>
                    <td className="num">{r.accounts}</td>
                    <td className="num">{score(r.averageScore)}</td>
                    <td><Delta value={r.averageChange} label="average change" /></td>
                    <td className="num">{r.bands.healthy ?? 0}</td>
                    <td className="num">{r.bands.neutral ?? 0}</td>
                    <td className="num">{r.bands.at_risk ?? 0}</td>
                    <td className="num">{arr(r.arrAtRisk)}</td>
                    <td className="num">{count(r.events)}</td>
                    <td className="num">{count(r.activeUsers)}</td>
                    {exports && <td><MemberDownloads owner={r.owner} range={range} /></td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="two-columns">
        <Ranked title="Top accounts" accounts={summary.top} />
        <Ranked title="Bottom accounts" accounts={summary.bottom} />
      </div>
    </>
  );
}

export default function TeamPage({ me }: { me: Me }) {
  const [params, set] = useUrlParams();
  const { preset, range } = rangeFromParams(params);
  const summary = useSummary(range.from, range.to, 5);
  return (
    <section aria-labelledby="team-heading">
      <div className="page-head">
        <h1 id="team-heading">Team</h1>
        <RangePicker preset={preset} range={range} onChange={set} />
      </div>
      <QueryState query={summary} what="the team summary">
        {(data) => <TeamSummary summary={data} range={range} exports={mayExportPortfolios(me)} />}
      </QueryState>
    </section>
  );
}
