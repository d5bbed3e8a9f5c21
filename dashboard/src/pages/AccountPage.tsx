import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useAccount, useTimeseries } from '../lib/api/accounts';
import { useAlerts } from '../lib/api/alerts';
import type { AccountDetail, Contribution, Me } from '../lib/api/types';
import { isoDate, type DateRange } from '../lib/dateRange';
import { arr, count, date, score, time } from '../lib/format';
import { useLive } from '../lib/live';
import { mayAct, mayExport, mayOpen } from '../lib/permissions';
import { accountReportUrl } from '../lib/reports';
import { AccountJourney } from '../components/AccountJourney';
import { AlertTable, alertCsvColumns } from '../components/AlertTable';
import { CsvButton } from '../components/CsvButton';
import { ExportLinks } from '../components/ExportLinks';
import { Empty, QueryState } from '../components/ErrorState';
import { FollowUps } from '../components/FollowUps';
import { Refusal } from '../components/Refusal';
import { BandBadge, Delta } from '../components/Score';
import { TimeChart } from '../components/TimeChart';
import { useUrlParams } from '../lib/useUrlParams';

export const HISTORY_RANGES = [
  { value: '30d', label: '30 days', days: 30 },
  { value: '90d', label: '90 days', days: 90 },
  { value: '180d', label: '6 months', days: 182 },
  { value: '1y', label: '1 year', days: 365 },
  { value: '2y', label: '2 years', days: 730 },
] as const;

function daysAgo(days: number): string {
  const d = new Date();
  return isoDate(new Date(d.getFullYear(), d.getMonth(), d.getDate() - days));
}

type HistoryRange = (typeof HISTORY_RANGES)[number];

/** The page's range (`?range=`): the score history shows it and the review covers it. */
function useHistoryRange(): [HistoryRange, (value: string) => void] {
  const [params, set] = useUrlParams();
  const range = HISTORY_RANGES.find((r) => r.value === params.get('range')) ?? HISTORY_RANGES[1];
  return [range, (value) => set({ range: value })];
}

/** The review's period: the range's days up to and including today (`to` is exclusive). */
export function reviewPeriod(days: number): DateRange {
  return { from: daysAgo(days), to: daysAgo(-1) };
}

function ReviewDownloads({ tenant, name }: { tenant: string; name: string }) {
  const [range] = useHistoryRange();
  const period = reviewPeriod(range.days);
  return (
    <ExportLinks what={`account review of ${name}, last ${range.label}`} testId="export-account"
      pdf={accountReportUrl(tenant, 'pdf', period)} csv={accountReportUrl(tenant, 'csv', period)}>
      <span className="muted">Review, last {range.label}:</span>
    </ExportLinks>
  );
}

function ScoreHistory({ tenant }: { tenant: string }) {
  const [range, setRange] = useHistoryRange();
  const from = daysAgo(range.days);
  const series = useTimeseries(tenant, 'health_score', from);
  return (
    <section aria-labelledby="history-heading">
      <div className="section-head">
        <h2 id="history-heading">Score history</h2>
        <label>
          Range
          <select data-testid="history-range" value={range.value} onChange={(e) => setRange(e.target.value)}>
            {HISTORY_RANGES.map((r) => (
              <option key={r.value} value={r.value}>{r.label}</option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={series} what="the score history">
        {(data) =>
          data.points.length === 0 ? (
            <Empty>No scores in this range yet.</Empty>
          ) : (
            <TimeChart testId="score-chart" title={`Health score, last ${range.label}`} scoreZones
              series={[{ label: 'Health score', points: data.points }]} />
          )
        }
      </QueryState>
    </section>
  );
}

function ContributionRow({ tenant, contribution }: { tenant: string; contribution: Contribution }) {
  const series = useTimeseries(tenant, `measure.${contribution.measure}`, daysAgo(30));
  const points = series.data?.points.filter((p) => p.points !== undefined) ?? [];
  const change =
    points.length >= 2 && contribution.weight !== undefined
      ? (points[points.length - 1].points! - points[0].points!) * contribution.weight
      : undefined;
  return (
    <tr>
      <th scope="row">{contribution.label ?? contribution.measure}</th>
      <td className="num">{contribution.value === undefined ? '–' : Math.round(contribution.value * 100) / 100}</td>
      <td className="num">{score(contribution.points)}</td>
      <td className="num">{contribution.weight === undefined ? '–' : `${Math.round(contribution.weight * 100)} %`}</td>
      <td className="num">{contribution.contribution === undefined ? '–' : contribution.contribution.toFixed(1)}</td>
      <td><Delta value={change} label="change over 30 days" /></td>
      <td>{contribution.explanation ?? ''}</td>
    </tr>
  );
}

function Contributions({ account }: { account: AccountDetail }) {
  const contributions = account.health?.contributions ?? [];
  return (
    <section aria-labelledby="contributions-heading">
      <h2 id="contributions-heading">What makes the score</h2>
      {contributions.length === 0 ? (
        <Empty>No score yet, so no contributions.</Empty>
      ) : (
        <div className="table-wrap">
          <table data-testid="contributions-table">
            <caption className="sr-only">Contributions to the health score and their change over 30 days</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Reading</th>
                <th scope="col">Points</th>
                <th scope="col">Weight</th>
                <th scope="col">Contribution</th>
                <th scope="col">Change, 30 days</th>
                <th scope="col">Explanation</th>
              </tr>
            </thead>
            <tbody>
              {contributions.map((c) => (
                <ContributionRow key={c.measure} tenant={account.tenantId} contribution={c} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EngagementChart({ tenant, metrics, title, labels }: { tenant: string; metrics: string[]; title: string; labels?: string[] }) {
  const from = daysAgo(30);
  const a = useTimeseries(tenant, metrics[0], from);
  const b = useTimeseries(tenant, metrics[1] ?? metrics[0], from, undefined, metrics.length > 1);
  const c = useTimeseries(tenant, metrics[2] ?? metrics[0], from, undefined, metrics.length > 2);
  const d = useTimeseries(tenant, metrics[3] ?? metrics[0], from, undefined, metrics.length > 3);
  const queries = [a, b, c, d].slice(0, metrics.length);
  const series = useMemo(
    () => queries.filter((q) => q.data).map((q, i) => ({ label: labels?.[i] ?? metrics[i], points: q.data!.points })),
    [a.data, b.data, c.data, d.data],
  );
  return (
    <QueryState query={a} what={title.toLowerCase()}>
      {() => <TimeChart title={title} series={series} height={160} />}
    </QueryState>
  );
}

function SeatUtilisation({ account }: { account: AccountDetail }) {
  const measured = account.health?.contributions?.some((c) => c.measure === 'seat_utilisation');
  const from = daysAgo(30);
  const measure = useTimeseries(account.tenantId, 'measure.seat_utilisation', from, undefined, !!measured);
  const users = useTimeseries(account.tenantId, 'active_users', from, undefined, !measured && !!account.licensedSeats);
  const source = measured ? measure : users;
  const seats = account.licensedSeats;
  if (!measured && !seats) return <Empty>Seat utilisation needs the licensed seats of the account.</Empty>;
  return (
    <QueryState query={source} what="seat utilisation">
      {(data) => (
        <TimeChart title="Seat utilisation (share of licensed seats)" height={160}
          series={[{
            label: 'Seat utilisation',
            points: measured ? data.points : data.points.map((p) => ({ t: p.t, value: p.value === undefined ? undefined : p.value / seats! })),
          }]} />
      )}
    </QueryState>
  );
}

function Engagement({ account }: { account: AccountDetail }) {
  const types = Object.entries(account.engagement.last30d?.byType ?? {})
    .sort((x, y) => y[1] - x[1])
    .slice(0, 4)
    .map(([type]) => type);
  const t7 = account.engagement.last7d;
  const t30 = account.engagement.last30d;
  return (
    <section aria-labelledby="engagement-heading">
      <h2 id="engagement-heading">Engagement</h2>
      <dl className="facts">
        <div><dt>Active users, 7 / 30 days</dt><dd>{count(t7?.activeUsers)} / {count(t30?.activeUsers)}</dd></div>
        <div><dt>Events, 7 / 30 days</dt><dd>{count(t7?.events)} / {count(t30?.events)}</dd></div>
        <div><dt>Active days, 30 days</dt><dd>{count(t30?.activeDays)}</dd></div>
        <div><dt>Features used, 30 days</dt><dd>{count(Object.keys(t30?.features ?? {}).length)}</dd></div>
      </dl>
      <div className="charts">
        <EngagementChart tenant={account.tenantId} metrics={['active_users']} labels={['Active users']} title="Active users per day" />
        {types.length > 0 && (
          <EngagementChart tenant={account.tenantId} metrics={types.map((t) => `events.${t}`)} labels={types} title="Events per day by type" />
        )}
        <EngagementChart tenant={account.tenantId} metrics={['features_used']} labels={['Features used']} title="Features used per day" />
        <SeatUtilisation account={account} />
      </div>
    </section>
  );
}

function Facts({ account }: { account: AccountDetail }) {
  const h = account.health;
  return (
    <dl className="facts">
      <div><dt>Owner</dt><dd>{account.owner ?? '–'}</dd></div>
      <div><dt>Team</dt><dd>{account.team ?? '–'}</dd></div>
      <div><dt>Plan</dt><dd>{account.plan ?? '–'}</dd></div>
      <div><dt>Segment</dt><dd>{account.segment ?? '–'}</dd></div>
      <div><dt>Licensed seats</dt><dd>{count(account.licensedSeats)}</dd></div>
      <div><dt>ARR</dt><dd>{arr(account.arr)}</dd></div>
      <div><dt>Renewal</dt><dd>{date(account.renewalDate)}</dd></div>
      <div><dt>First activity</dt><dd>{time(h?.firstEventAt)}</dd></div>
      <div><dt>Last activity</dt><dd>{time(h?.lastEventAt)}</dd></div>
      <div><dt>Scored</dt><dd>{time(h?.asOf)}{h?.modelVersion ? ` (model ${h.modelVersion})` : ''}</dd></div>
    </dl>
  );
}

function AccountAlerts({ tenant, canAct }: { tenant: string; canAct: boolean }) {
  const { pollMs } = useLive();
  const alerts = useAlerts({ tenant }, pollMs);
  return (
    <section aria-labelledby="alerts-heading">
      <div className="section-head">
        <h2 id="alerts-heading">Alerts</h2>
        <CsvButton testId="csv-alerts" filename={`pulse-alerts-${tenant}.csv`} columns={alertCsvColumns} rows={alerts.data?.alerts ?? []} />
      </div>
      <QueryState query={alerts} what="this account's alerts">
        {(data) => (data.alerts.length === 0 ? <Empty>No alerts for this account.</Empty> : <AlertTable alerts={data.alerts} canAct={canAct} showAccount={false} />)}
      </QueryState>
    </section>
  );
}

function Account({ tenant, me }: { tenant: string; me: Me }) {
  const account = useAccount(tenant);
  const staff = mayAct(me);
  return (
    <QueryState query={account} what={`account ${tenant}`}>
      {(data) => (
        <article data-testid="account-page" data-tenant={tenant} aria-labelledby="account-heading">
          <div className="page-head">
            <h1 id="account-heading">{data.name ?? tenant}</h1>
            <BandBadge band={data.health?.band} value={data.health?.score} />
            <Delta value={data.health?.delta7d} label="7-day change" />
            <Delta value={data.health?.delta30d} label="30-day change" />
            {mayExport(me) && <ReviewDownloads tenant={tenant} name={data.name ?? tenant} />}
          </div>
          {data.health?.topReason && <p className="reason">{data.health.topReason}</p>}
          <Facts account={data} />
          <AccountJourney tenant={tenant} />
          <ScoreHistory tenant={tenant} />
          <Contributions account={data} />
          <Engagement account={data} />
          <AccountAlerts tenant={tenant} canAct={staff} />
          {staff && <FollowUps tenant={tenant} />}
        </article>
      )}
    </QueryState>
  );
}

export default function AccountPage({ me }: { me: Me }) {
  const { tenant = '' } = useParams();
  if (!mayOpen(me, 'account', tenant)) {
    return <Refusal me={me} what={`Account ${tenant}`} />;
  }
  return <Account key={tenant} tenant={tenant} me={me} />;
}
