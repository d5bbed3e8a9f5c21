import { downloadCsv, toCsv, type CsvColumn } from '../lib/csv';

/** Exports exactly the rows shown, as `filename`. */
export function CsvButton<T>({ filename, columns, rows, testId }: { filename: string; columns: CsvColumn<T>[]; rows: T[]; testId: string }) {
  return (
    <button type="button" className="secondary" data-testid={testId} disabled={rows.length === 0}
      onClick={() => downloadCsv(filename, toCsv(columns, rows))}>
      Export CSV
    </button>
  );
}
