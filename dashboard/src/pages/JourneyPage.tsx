import { useFunnel, useFunnels, useJourney, type Journey } from '../lib/api/journey';
import { useAccount } from '../lib/api/accounts';
import { usePortfolio } from '../lib/api/portfolio';
import { useSegmentMembers, useSegments } from '../lib/api/segments';
import { rangeFromParams, type DateRange } from '../lib/dateRange';
import { count } from '../lib/format';
import { describePath, pathCsvColumns, stageCsvColumns, amount, days } from '../lib/journeyFlow';
import { useUrlParams } from '../lib/useUrlParams';
import { CsvButton } from '../components/CsvButton';
import { Empty, QueryState } from '../components/ErrorState';
import { FunnelChart } from '../components/FunnelChart';
import { JourneyFlow } from '../components/JourneyFlow';
import { RangePicker } from '../components/RangePicker';

const MONTH = /^\d{4}-\d{2}$/;

function csvName(kind: string, range: DateRange, segment: string, cohort: string): string {
  return `pulse-journey-${kind}-${range.from}-to-${range.to}${segment ? `-${segment}` : ''}${cohort ? `-cohort-${cohort}` : ''}.csv`;
}

function StageTable({ journey }: { journey: Journey }) {
  return (
    <div className="table-wrap">
      <table data-testid="journey-stages">
        <caption className="sr-only">Accounts per journey stage in the range</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Kind</th>
            <th scope="col">Now</th>
            <th scope="col">Entered</th>
            <th scope="col">Left</th>
            <th scope="col">Median days in stage</th>
            <th scope="col">p90 days in stage</th>
            <th scope="col">Drop-off</th>
          </tr>
        </thead>
        <tbody>
          {journey.stages.map((s) => (
            <tr key={s.id} data-stage={s.id}>
              <th scope="row">{s.label}</th>
              <td>{s.kind === 'exit' ? 'exit' : 'progress'}</td>
              <td className="num">{amount(s.current)}</td>
              <td className="num">{amount(s.entered)}</td>
              <td className="num">{amount(s.exited)}</td>
              <td className="num">{days(s.medianDaysInStage)}</td>
              <td className="num">{days(s.p90DaysInStage)}</td>
              <td className="num">{amount(s.dropOff)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function JourneyView({ journey, range, segment, cohort }: { journey: Journey; range: DateRange; segment: string; cohort: string }) {
  if (journey.stages.length === 0 || journey.accounts === 0) {
    return <Empty>No accounts on a journey in this range{segment || cohort ? ' for this choice' : ''}.</Empty>;
  }
  return (
    <>
      <p className="muted" data-testid="journey-accounts">
        {count(journey.accounts ?? undefined)} accounts{journey.modelVersion ? ` · journey model ${journey.modelVersion}` : ''}
      </p>
      <JourneyFlow journey={journey} />
      <section aria-labelledby="stages-heading">
        <div className="section-head">
          <h2 id="stages-heading">Stages</h2>
          <CsvButton testId="csv-journey" filename={csvName('stages', range, segment, cohort)} columns={stageCsvColumns} rows={journey.stages} />
        </div>
        <StageTable journey={journey} />
      </section>
      <section aria-labelledby="paths-heading">
        <div className="section-head">
          <h2 id="paths-heading">Most common paths</h2>
          <CsvButton testId="csv-journey-paths" filename={csvName('paths', range, segment, cohort)} columns={pathCsvColumns(journey.stages)} rows={journey.paths} />
        </div>
        {journey.paths.length === 0 ? (
          <Empty>No paths in this range.</Empty>
        ) : (
          <ol className="paths" data-testid="journey-paths">
            {journey.paths.map((p) => (
              <li key={p.stages.join('>')} data-testid="journey-path" data-accounts={p.accounts}>
                {describePath(p, journey.stages)}: <strong>{p.accounts === 1 ? '1 account' : `${p.accounts} accounts`}</strong>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

type Choice = { tenantId: string; name: string };

/**
 * The accounts to pick a funnel for: the caller's own portfolio, the page segment's members (a
 * manager or an administrator owns few accounts or none, but sees a segment's), and the account the
 * address names, so that the picker always shows what the chart is for.
 */
function useAccountChoices(segment: string, tenant: string): Choice[] {
  const own = usePortfolio(undefined, false);
  const members = useSegmentMembers(segment, !!segment);
  const seen = new Map<string, string>();
  for (const a of [...(own.data?.accounts ?? []), ...(members.data?.accounts ?? [])]) {
    if (!seen.has(a.tenantId)) seen.set(a.tenantId, a.name ?? a.tenantId);
  }
  const listed = own.isSuccess && (!segment || members.isSuccess);
  const named = useAccount(tenant, !!tenant && listed && !seen.has(tenant));
  if (tenant && !seen.has(tenant)) seen.set(tenant, named.data?.name ?? tenant);
  return [...seen].map(([tenantId, name]) => ({ tenantId, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A funnel for one account (or, without one, the page's segment) beside the portfolio. */
function Funnels({ range, segment, segmentName }: { range: DateRange; segment: string; segmentName?: string }) {
  const [params, set] = useUrlParams();
  const funnels = useFunnels();
  const list = funnels.data?.funnels ?? [];
  const funnelId = params.get('funnel') ?? list[0]?.id;
  const tenant = params.get('tenant') ?? '';
  const accounts = useAccountChoices(segment, tenant);
  const report = useFunnel(funnelId, { tenant: tenant || undefined, segment: tenant ? undefined : segment || undefined, from: range.from, to: range.to });
  const account = accounts.find((a) => a.tenantId === tenant);
  const who = tenant ? (account?.name ?? tenant) : (segmentName ?? segment);
  return (
    <section aria-labelledby="funnels-heading" data-testid="funnels">
      <h2 id="funnels-heading">Funnels</h2>
      <QueryState query={funnels} what="the funnels">
        {() =>
          list.length === 0 ? (
            <Empty>No funnels are defined.</Empty>
          ) : (
            <>
              <form className="filters" aria-label="Funnel and account" onSubmit={(e) => e.preventDefault()}>
                <label>
                  Funnel
                  <select data-testid="funnel-picker" value={funnelId ?? ''} onChange={(e) => set({ funnel: e.target.value })}>
                    {list.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
                  </select>
                </label>
                <label>
                  Account
                  <select data-testid="funnel-tenant" value={tenant} onChange={(e) => set({ tenant: e.target.value })}>
                    <option value="">{segment ? `The segment ${segmentName ?? segment}` : 'Choose an account'}</option>
                    {accounts.map((a) => <option key={a.tenantId} value={a.tenantId}>{a.name}</option>)}
                  </select>
                </label>
              </form>
              {!tenant && !segment ? (
                <Empty>Choose an account (or a segment above) to see its funnel beside the portfolio's.</Empty>
              ) : (
                <QueryState query={report} what={`the funnel of ${who}`}>
                  {(data) => <FunnelChart report={data} who={who} />}
                </QueryState>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/**
 * The customer journey for a range (`?preset=` or `?from&to`), optionally one segment
 * (`?segment=`) and one cohort month (`?cohort=YYYY-MM`), and below it the funnels
 * (`?funnel=`, `?tenant=`).
 */
export default function JourneyPage() {
  const [params, set] = useUrlParams();
  const { preset, range } = rangeFromParams(params, 'last-90-days');
  const segment = params.get('segment') ?? '';
  const cohortParam = params.get('cohort') ?? '';
  const cohort = MONTH.test(cohortParam) ? cohortParam : '';
  const segments = useSegments();
  const segmentName = segments.data?.segments.find((s) => s.id === segment)?.name;
  const journey = useJourney({ from: range.from, to: range.to, segment: segment || undefined, cohort: cohort || undefined });
  return (
    <section aria-labelledby="journey-page-heading" data-testid="journey-page">
      <div className="page-head">
        <h1 id="journey-page-heading">Journey</h1>
        <RangePicker preset={preset} range={range} onChange={set} />
        <form className="filters" aria-label="Which accounts" onSubmit={(e) => e.preventDefault()}>
          <label>
            Segment
            <select data-testid="journey-segment" value={segment} onChange={(e) => set({ segment: e.target.value })}>
              <option value="">All accounts</option>
              {segments.data?.segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <label>
            Cohort (month started)
            <input type="month" data-testid="journey-cohort" value={cohort} placeholder="YYYY-MM"
              onChange={(e) => set({ cohort: e.target.value })} />
          </label>
        </form>
      </div>
      <QueryState query={journey} what="the journey">
        {(data) => <JourneyView journey={data} range={range} segment={segment} cohort={cohort} />}
      </QueryState>
      <Funnels range={range} segment={segment} segmentName={segmentName} />
    </section>
  );
}
