import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesPoint } from '../lib/api/types';

export interface ChartSeries {
  label: string;
  points: SeriesPoint[];
  /** Plot `points` (0–100) instead of `value`. */
  usePoints?: boolean;
}

const COLOURS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2'];

/** Healthy ≥ 70, neutral 40–69, at risk < 40, as translucent bands behind a score line. */
const ZONES = [
  { from: 70, to: 100, colour: 'rgba(22, 163, 74, 0.10)' },
  { from: 40, to: 70, colour: 'rgba(217, 119, 6, 0.10)' },
  { from: 0, to: 40, colour: 'rgba(220, 38, 38, 0.10)' },
];

/** Columns for uPlot: seconds on x, one row per series, aligned by bucket start. */
export function toColumns(series: ChartSeries[]): uPlot.AlignedData {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.t)))].sort();
  const index = new Map(times.map((t, i) => [t, i]));
  const x = times.map((t) => Date.parse(t) / 1000);
  const ys = series.map((s) => {
    const row: (number | null)[] = new Array(times.length).fill(null);
    for (const p of s.points) {
      const v = s.usePoints ? p.points : p.value;
      row[index.get(p.t)!] = v === undefined ? null : v;
    }
    return row;
  });
  return [x, ...ys];
}

/** True when some series has two values or more: one point makes no line, only odd axes. */
export function chartable(series: ChartSeries[]): boolean {
  return series.some((s) => s.points.filter((p) => (s.usePoints ? p.points : p.value) !== undefined).length >= 2);
}

function zonesPlugin(): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (u: uPlot) => {
        const { ctx, bbox } = u;
        ctx.save();
        for (const zone of ZONES) {
          const top = u.valToPos(zone.to, 'y', true);
          const bottom = u.valToPos(zone.from, 'y', true);
          ctx.fillStyle = zone.colour;
          ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
        }
        ctx.restore();
      },
    },
  };
}

/** A time chart (uPlot, loaded only with the pages that chart). */
export function TimeChart({ series, title, testId, scoreZones = false, height = 220 }: {
  series: ChartSeries[];
  title: string;
  testId?: string;
  scoreZones?: boolean;
  height?: number;
}) {
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    if (!chartable(series)) return;
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 280),
      height,
      plugins: scoreZones ? [zonesPlugin()] : [],
      scales: scoreZones ? { y: { range: [0, 100] } } : {},
      series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: COLOURS[i % COLOURS.length], width: 2, spanGaps: false }))],
      axes: [{}, { size: 48 }],
      legend: { show: series.length > 1 },
    };
    const plot = new uPlot(options, toColumns(series), element);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 280), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [series, height, scoreZones]);

  const last = series[0]?.points.filter((p) => (series[0].usePoints ? p.points : p.value) !== undefined).at(-1);
  const lastValue = last ? (series[0].usePoints ? last.points : last.value) : undefined;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {!chartable(series) && <p className="empty">Not enough data to chart yet.</p>}
      <div ref={holder} role="img"
        aria-label={`${title}: ${series.map((s) => s.label).join(', ')}${lastValue !== undefined ? `; latest ${Math.round(lastValue * 100) / 100}` : ''}`} />
    </figure>
  );
}
