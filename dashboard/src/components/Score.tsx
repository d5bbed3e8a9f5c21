import type { Band } from '../lib/api/types';
import { BAND_LABEL, delta, score } from '../lib/format';

export function BandBadge({ band, value }: { band?: Band; value?: number }) {
  if (!band) return <span className="muted">not scored</span>;
  return (
    <span className={`band band-${band}`}>
      <span className="band-score">{score(value)}</span> <span className="band-label">{BAND_LABEL[band]}</span>
    </span>
  );
}

/** A change with an arrow; `worseWhenUp` colours a rise red (e.g. more accounts at risk). */
export function Delta({ value, label, worseWhenUp = false }: { value?: number; label: string; worseWhenUp?: boolean }) {
  const d = delta(value);
  const tone = worseWhenUp && d.direction !== 'flat' ? (d.direction === 'up' ? 'down' : 'up') : d.direction;
  return (
    <span className={`delta delta-${tone}`} aria-label={value === undefined ? `${label}: no history` : `${label}: ${d.text}`}>
      <span aria-hidden="true">{d.arrow}</span> {d.text}
    </span>
  );
}
