import { Link } from 'react-router';
import { useSegmentComparison, useSegments, type SegmentComparison } from '../lib/api/segments';
import type { BandCounts } from '../lib/api/types';
import { arr, count, score } from '../lib/format';
import { paths, segmentPath } from '../lib/paths';
import { useUrlParams } from '../lib/useUrlParams';
import { Empty, QueryState } from '../components/ErrorState';

const ROWS: { label: string; value: (s: SegmentComparison) => string }[] = [
  { label: 'Accounts', value: (s) => count(s.size ?? undefined) },
  { label: 'Average score', value: (s) => score(s.averageScore ?? undefined) },
  { label: 'At risk now', value: (s) => count(s.atRisk ?? undefined) },
  { label: 'ARR', value: (s) => arr(s.arr ?? undefined) },
  ...(['healthy', 'neutral', 'at_risk'] as (keyof BandCounts)[]).map((band) => ({
    label: `Band ${band === 'at_risk' ? 'at risk' : band}`,
    value: (s: SegmentComparison) => count(s.bands?.[band] ?? 0),
  })),
];

function Comparison({ segments }: { segments: SegmentComparison[] }) {
  return (
    <div className="table-wrap">
      <table data-testid="segment-compare">
        <caption className="sr-only">The two segments side by side</caption>
        <thead>
          <tr>
            <th scope="col"><span className="sr-only">Measure</span></th>
            {segments.map((s) => (
              <th key={s.id} scope="col" data-segment={s.id}><Link to={segmentPath(s.id)}>{s.name}</Link></th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {segments.map((s) => <td key={s.id} className="num">{r.value(s)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Two saved segments side by side (`?ids=a,b`). */
export default function SegmentComparePage() {
  const [params, set] = useUrlParams();
  const ids = (params.get('ids') ?? '').split(',');
  const [a = '', b = ''] = ids;
  const chosen = [a, b].filter(Boolean);
  const segments = useSegments();
  const comparison = useSegmentComparison(chosen.length === 2 && a !== b ? chosen : []);
  const pick = (first: string, second: string) => set({ ids: first || second ? `${first},${second}` : '' });
  const picker = (label: string, testId: string, value: string, onChange: (v: string) => void) => (
    <label>
      {label}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a segment</option>
        {segments.data?.segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="compare-heading" data-testid="segment-compare-page">
      <div className="page-head">
        <h1 id="compare-heading">Compare segments</h1>
        <Link to={paths.segments}>All segments</Link>
      </div>
      <QueryState query={segments} what="the saved segments">
        {(data) =>
          data.segments.length < 2 ? (
            <Empty>Comparing needs two saved segments.</Empty>
          ) : (
            <>
              <form className="filters" aria-label="Segments to compare" onSubmit={(e) => e.preventDefault()}>
                {picker('First segment', 'compare-a', a, (v) => pick(v, b))}
                {picker('Second segment', 'compare-b', b, (v) => pick(a, v))}
              </form>
              {chosen.length < 2 || a === b ? (
                <Empty>Pick two different segments to see them side by side.</Empty>
              ) : (
                <QueryState query={comparison} what="the comparison">
                  {(result) => <Comparison segments={result.segments} />}
                </QueryState>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
