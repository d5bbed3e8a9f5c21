import type { SparkPoint } from '../lib/api/types';

/** A 30-day score line as a small inline SVG (no chart library), scaled 0–100. */
export function Sparkline({ points, label }: { points: SparkPoint[] | undefined; label: string }) {
  if (!points || points.length < 2) {
    return <span className="muted" aria-label={`${label}: no history`}>–</span>;
  }
  const width = 90;
  const height = 24;
  const step = width / (points.length - 1);
  const line = points
    .map((p, i) => `${(i * step).toFixed(1)},${(height - (Math.max(0, Math.min(100, p.score)) / 100) * height).toFixed(1)}`)
    .join(' ');
  const first = points[0].score;
  const last = points[points.length - 1].score;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img"
      aria-label={`${label}: from ${Math.round(first)} to ${Math.round(last)} over ${points.length} days`}>
      <polyline points={line} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
