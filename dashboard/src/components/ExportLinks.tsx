import type { ReactNode } from 'react';

/**
 * A report's downloads as plain links: the browser saves what the API sends (the file name comes
 * from its Content-Disposition) with the session cookie, so no script holds the file. Test ids are
 * `<testId>-pdf` and `<testId>-csv`.
 */
export function ExportLinks({ what, testId, pdf, csv, children, small }: {
  /** What the files hold, for the accessible names, e.g. "account review of Acme". */
  what: string;
  testId: string;
  pdf: string;
  csv: string;
  /** Shown before the links, e.g. a period. */
  children?: ReactNode;
  /** Compact links, for table rows. */
  small?: boolean;
}) {
  const style = small ? 'button secondary small' : 'button secondary';
  return (
    <div className="exports" role="group" aria-label={`Download the ${what}`}>
      {children}
      <a className={style} href={pdf} download data-testid={`${testId}-pdf`} aria-label={`PDF of the ${what}`}>
        PDF
      </a>
      <a className={style} href={csv} download data-testid={`${testId}-csv`} aria-label={`CSV (zip) of the ${what}`}>
        CSV
      </a>
    </div>
  );
}
