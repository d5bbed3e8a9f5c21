import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../lib/api/client';
import {
  useDeleteSegment,
  useSegmentHistory,
  useSegmentMembers,
  useSegments,
  type SegmentDay,
  type SegmentSummary,
} from '../lib/api/segments';
import type { Me } from '../lib/api/types';
import { rangeFromParams } from '../lib/dateRange';
import { score, time } from '../lib/format';
import { paths, segmentEditPath } from '../lib/paths';
import { mayManageSegments } from '../lib/permissions';
import { describeCriteria } from '../lib/segmentCriteria';
import { useUrlParams } from '../lib/useUrlParams';
import { AccountTable, COLUMN_LABEL, portfolioCsvColumns, useSortedAccounts } from '../components/AccountTable';
import { CsvButton } from '../components/CsvButton';
import { Empty, ErrorState, QueryState } from '../components/ErrorState';
import { RangePicker } from '../components/RangePicker';
import { TimeChart } from '../components/TimeChart';

function series(days: SegmentDay[], label: string, value: (d: SegmentDay) => number | null | undefined) {
  return [{ label, points: days.map((d) => ({ t: `${d.day}T00:00:00Z`, value: value(d) ?? undefined })) }];
}

/**
 * The last day the history asks for: a day's figures exist once it has closed (UTC), so today is
 * left out; asked for, it would count only the members whose criteria need no score.
 */
function closedBy(to: string, now: Date = new Date()): string {
  const today = now.toISOString().slice(0, 10);
  return to > today ? today : to;
}

/** Size and average score per closed day over the page's range (`?preset=` or `?from&to`). */
function Trend({ id }: { id: string }) {
  const [params, set] = useUrlParams();
  const { preset, range } = rangeFromParams(params, 'last-30-days');
  const history = useSegmentHistory(id, range.from, closedBy(range.to));
  const days = history.data?.days;
  const size = useMemo(() => series(days ?? [], 'Accounts', (d) => d.size), [days]);
  const average = useMemo(() => series(days ?? [], 'Average score', (d) => d.averageScore), [days]);
  return (
    <section aria-labelledby="trend-heading">
      <div className="section-head">
        <h2 id="trend-heading">Trend</h2>
        <RangePicker preset={preset} range={range} onChange={set} label="Trend range" />
      </div>
      <QueryState query={history} what="the segment's history">
        {(data) =>
          data.days.length === 0 ? (
            <Empty>No history in this range yet.</Empty>
          ) : (
            <div className="charts">
              <TimeChart testId="segment-size-chart" title="Accounts in the segment" series={size} height={180} />
              <TimeChart testId="segment-score-chart" title="Average score" series={average} scoreZones height={180} />
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

function Members({ id, name }: { id: string; name: string }) {
  const members = useSegmentMembers(id);
  const { rows, sort, onSort } = useSortedAccounts(members.data?.accounts);
  return (
    <section aria-labelledby="members-heading">
      <div className="section-head">
        <h2 id="members-heading">Accounts</h2>
        <CsvButton testId="csv-segment-members" filename={`pulse-segment-${id}.csv`} columns={portfolioCsvColumns} rows={rows} />
      </div>
      <QueryState query={members} what={`the accounts of ${name}`}>
        {(data) =>
          data.accounts.length === 0 ? (
            <Empty>No account matches this segment now.</Empty>
          ) : (
            <AccountTable rows={rows} sort={sort} onSort={onSort} rowTestId="segment-member"
              caption={`${data.size} accounts in ${name}; sorted by ${COLUMN_LABEL[sort.column]}`} />
          )
        }
      </QueryState>
    </section>
  );
}

/** Edit and delete (asking once more before deleting), for analysts and above. */
function Manage({ segment }: { segment: SegmentSummary }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteSegment();
  const navigate = useNavigate();
  return (
    <div className="actions">
      <Link className="button secondary" to={segmentEditPath(segment.id)} data-testid="segment-edit">Edit</Link>
      {confirming ? (
        <>
          <button type="button" className="danger" data-testid="segment-delete-confirm" disabled={remove.isPending}
            onClick={() => remove.mutate(segment.id, { onSuccess: () => navigate(paths.segments) })}>
            Delete {segment.name}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>Keep it</button>
        </>
      ) : (
        <button type="button" className="danger" data-testid="segment-delete" onClick={() => setConfirming(true)}>Delete</button>
      )}
      {remove.isError && <ErrorState error={remove.error} what={`deleting ${segment.name}`} />}
    </div>
  );
}

function Segment({ segment, me }: { segment: SegmentSummary; me: Me }) {
  return (
    <article aria-labelledby="segment-heading" data-testid="segment-page" data-segment={segment.id}>
      <div className="page-head">
        <h1 id="segment-heading">{segment.name}</h1>
        <span className="muted">
          {segment.size ?? '–'} accounts · average score {score(segment.averageScore ?? undefined)}
        </span>
        {mayManageSegments(me) && <Manage segment={segment} />}
      </div>
      {segment.description && <p>{segment.description}</p>}
      <h2 id="criteria-heading">Criteria</h2>
      <ul className="criteria" data-testid="segment-criteria" aria-labelledby="criteria-heading">
        {describeCriteria(segment.criteria ?? {}).map((line) => <li key={line}>{line}</li>)}
      </ul>
      <p className="muted">
        {segment.createdBy ? `Created by ${segment.createdBy}` : 'Created'} {time(segment.createdAt)}
        {segment.updatedAt && segment.updatedAt !== segment.createdAt ? `; changed ${time(segment.updatedAt)}` : ''}
      </p>
      <Trend id={segment.id} />
      <Members id={segment.id} name={segment.name} />
    </article>
  );
}

export default function SegmentPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const segments = useSegments();
  return (
    <QueryState query={segments} what={`segment ${id}`}>
      {(data) => {
        const segment = data.segments.find((s) => s.id === id);
        return segment ? <Segment key={id} segment={segment} me={me} /> : (
          <>
            <ErrorState error={new ApiError(404, 'Not Found')} what={`segment ${id}`} />
            <Link to={paths.segments}>All segments</Link>
          </>
        );
      }}
    </QueryState>
  );
}

