import type { FunnelReport } from '../lib/api/journey';
import { amount, funnelRows, percent, stallSentence } from '../lib/journeyFlow';

const BAR_W = 220;

/** The overall share as a bar, the portfolio's as a line across it; the figures are in the row's cells. */
function Bar({ share, portfolio }: { share: number | null; portfolio: number | null }) {
  const clamp = (v: number | null) => Math.max(0, Math.min(1, v ?? 0));
  return (
    <svg className="funnel-bar" width={BAR_W} height="18" viewBox={`0 0 ${BAR_W} 18`} aria-hidden="true">
      <rect width={BAR_W} height="18" className="funnel-track" />
      <rect width={clamp(share) * BAR_W} height="18" className="funnel-fill" />
      {portfolio !== null && <line x1={clamp(portfolio) * BAR_W} x2={clamp(portfolio) * BAR_W} y1="0" y2="18" className="funnel-portfolio" />}
    </svg>
  );
}

/**
 * A funnel as horizontal bars, one per step: users, conversion from the step before and overall,
 * with the portfolio's conversion beside it and the stall step marked in words.
 */
export function FunnelChart({ report, who }: { report: FunnelReport; who: string }) {
  const rows = funnelRows(report);
  const stall = stallSentence(who, rows);
  return (
    <figure className="funnel" data-testid="funnel-chart" data-funnel={report.funnel.id}>
      <figcaption>
        {report.funnel.label}
        {report.funnel.windowDays ? <span className="muted"> (each step within {report.funnel.windowDays} days)</span> : null}
      </figcaption>
      {stall && <p className="stall-sentence" data-testid="funnel-stall">{stall}.</p>}
      {rows.length === 0 ? (
        <p className="empty">No users reached this funnel in the range.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Users per step of {report.funnel.label}, for {who} and across the portfolio</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Users</th>
                <th scope="col">From the step before</th>
                <th scope="col">Overall</th>
                <th scope="col"><span aria-hidden="true">Overall (bar; line: portfolio)</span><span className="sr-only">Bar</span></th>
                <th scope="col">Portfolio, from the step before</th>
                <th scope="col">Portfolio, overall</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="funnel-step" data-step={r.id} data-stall={r.stall ? 'true' : 'false'} className={r.stall ? 'stall' : undefined}>
                  <th scope="row">
                    {r.label}
                    {r.stall && <strong className="stall-mark"> (stall step)</strong>}
                  </th>
                  <td className="num">{amount(r.users)}</td>
                  <td className="num">{percent(r.conversion)}</td>
                  <td className="num">{percent(r.overall)}</td>
                  <td><Bar share={r.overall} portfolio={r.portfolioOverall} /></td>
                  <td className="num">{percent(r.portfolioConversion)}</td>
                  <td className="num">{percent(r.portfolioOverall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
