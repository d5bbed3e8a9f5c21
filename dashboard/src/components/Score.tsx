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

export function Delta({ value, label }: { value?: number; label: string }) {
  const d = delta(value);
  return (
    <span className={`delta delta-${d.direction}`} aria-label={value === undefined ? `${label}: no history` : `${label}: ${d.text}`}>
      <span aria-hidden="true">{d.arrow}</span> {d.text}
    </span>
  );
}
