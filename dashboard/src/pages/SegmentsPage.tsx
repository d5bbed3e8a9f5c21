import { Link } from 'react-router';
import { useSegmentHistory, useSegments, type SegmentSummary } from '../lib/api/segments';
import type { Me, SparkPoint } from '../lib/api/types';
import { rangeOf } from '../lib/dateRange';
import { count, score, time } from '../lib/format';
import { paths, segmentComparePath, segmentPath } from '../lib/paths';
import { mayManageSegments } from '../lib/permissions';
import { describeCriteria } from '../lib/segmentCriteria';
import { Empty, QueryState } from '../components/ErrorState';
import { Sparkline } from '../components/Sparkline';

/** The average score over the last 30 days as a sparkline (a row's own request). */
function Trend({ segment }: { segment: SegmentSummary }) {
  const range = rangeOf('last-30-days');
  const history = useSegmentHistory(segment.id, range.from, range.to);
  const points: SparkPoint[] | undefined = history.data?.days
    .filter((d) => d.averageScore !== null && d.averageScore !== undefined)
    .map((d) => ({ day: d.day, score: d.averageScore! }));
  if (history.isPending) return <span className="muted">…</span>;
  return <Sparkline points={points} label={`${segment.name} average score, 30 days`} />;
}

function SegmentTable({ segments }: { segments: SegmentSummary[] }) {
  return (
    <div className="table-wrap">
      <table data-testid="segments-table">
        <caption className="sr-only">Saved segments, with their size, average score and trend</caption>
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col">Accounts</th>
            <th scope="col">Average score</th>
            <th scope="col">Last 30 days</th>
            <th scope="col">Criteria</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {segments.map((s) => (
            <tr key={s.id} data-testid="segment-row" data-segment={s.id}>
              <th scope="row">
                <Link to={segmentPath(s.id)}>{s.name}</Link>
                {s.description && <span className="muted tenant-id">{s.description}</span>}
              </th>
              <td className="num">{count(s.size ?? undefined)}</td>
              <td className="num">{score(s.averageScore ?? undefined)}</td>
              <td><Trend segment={s} /></td>
              <td className="reason">{describeCriteria(s.criteria ?? {}).join('; ')}</td>
              <td>{time(s.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function SegmentsPage({ me }: { me: Me }) {
  const segments = useSegments();
  const manage = mayManageSegments(me);
  return (
    <section aria-labelledby="segments-heading" data-testid="segments-page">
      <div className="page-head">
        <h1 id="segments-heading">Segments</h1>
        <div className="actions">
          {manage && <Link className="button" to={paths.segmentNew} data-testid="segment-new">New segment</Link>}
          <Link className="button secondary" to={segmentComparePath()} data-testid="segment-compare-link">Compare segments</Link>
        </div>
      </div>
      <p className="muted">Saved groups of accounts, by plan, owner, band, score, change, ARR, renewal, journey stage or attribute.</p>
      <QueryState query={segments} what="the saved segments">
        {(data) =>
          data.segments.length === 0 ? (
            <Empty>No saved segments yet.{manage ? ' Create one with New segment.' : ''}</Empty>
          ) : (
            <SegmentTable segments={data.segments} />
          )
        }
      </QueryState>
    </section>
  );
}
