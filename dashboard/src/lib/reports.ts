// Addresses of the API's report downloads. The browser fetches them itself (a same-origin
// `<a href download>` carries the session cookie and a GET needs no XSRF header), so a report
// streams to disk instead of passing through JavaScript memory.

import { query } from './api/client';
import type { DateRange } from './dateRange';

export type ReportFormat = 'pdf' | 'csv';

/** One account's business review for `range` (`to` exclusive). */
export function accountReportUrl(tenant: string, format: ReportFormat, range: DateRange): string {
  return `/v1/reports/accounts/${encodeURIComponent(tenant)}.${format}${query({ from: range.from, to: range.to })}`;
}

/**
 * A portfolio report: one owner's accounts, or, without an owner, every account the caller's
 * scope allows (a manager's whole team, an admin's everything).
 */
export function portfolioReportUrl(format: ReportFormat, range: DateRange, owner?: string): string {
  return `/v1/reports/portfolio.${format}${query({ owner, from: range.from, to: range.to })}`;
}

/** The portfolio list itself as one CSV file, written (and audited) by the server. */
export function portfolioListCsvUrl(owner?: string): string {
  return `/v1/portfolio.csv${query({ owner })}`;
}
