import { PRESETS, type DateRange, type Preset } from '../lib/dateRange';

/**
 * A date range as the team view and the journey take it: a preset, or custom dates (`to`
 * exclusive). `onChange` gets the URL parameters to set; an empty value removes one.
 */
export function RangePicker({ preset, range, onChange, label = 'Date range' }: {
  preset: Preset | 'custom';
  range: DateRange;
  onChange: (changes: Record<string, string>) => void;
  label?: string;
}) {
  const custom = (from: string, to: string) => onChange({ preset: '', from, to });
  return (
    <form className="filters" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      <label>
        Range
        <select data-testid="range-preset" value={preset}
          onChange={(e) => (e.target.value === 'custom' ? custom(range.from, range.to) : onChange({ preset: e.target.value, from: '', to: '' }))}>
          {PRESETS.map((p) => (
            <option key={p.value} value={p.value}>{p.label}</option>
          ))}
          <option value="custom">Custom</option>
        </select>
      </label>
      <label>
        From
        <input type="date" data-testid="range-from" value={range.from} onChange={(e) => e.target.value && custom(e.target.value, range.to)} />
      </label>
      <label>
        To (exclusive)
        <input type="date" data-testid="range-to" value={range.to} onChange={(e) => e.target.value && custom(range.from, e.target.value)} />
      </label>
    </form>
  );
}
