import { isPreset, PRESETS, rangeOf, type Preset } from '../lib/dateRange';
import { portfolioListCsvUrl, portfolioReportUrl } from '../lib/reports';
import { useUrlParams } from '../lib/useUrlParams';
import { ExportLinks } from './ExportLinks';

const DEFAULT_PERIOD: Preset = 'last-30-days';

/**
 * One owner's portfolio report for a period chosen here (`?period=`, a team-view preset), and the
 * account list as the server writes it. Shown only to people who may export portfolios.
 */
export function PortfolioDownloads({ owner }: { owner: string }) {
  const [params, set] = useUrlParams();
  const chosen = params.get('period');
  const period: Preset = isPreset(chosen) ? chosen : DEFAULT_PERIOD;
  const range = rangeOf(period);
  return (
    <div className="report-downloads">
      <ExportLinks what={`portfolio report of ${owner}`} testId="export-portfolio"
        pdf={portfolioReportUrl('pdf', range, owner)} csv={portfolioReportUrl('csv', range, owner)}>
        <label>
          Report period
          <select data-testid="report-period" value={period} onChange={(e) => set({ period: e.target.value === DEFAULT_PERIOD ? '' : e.target.value })}>
            {PRESETS.map((p) => (
              <option key={p.value} value={p.value}>{p.label}</option>
            ))}
          </select>
        </label>
      </ExportLinks>
      <a className="button secondary" href={portfolioListCsvUrl(owner)} download data-testid="export-portfolio-list"
        aria-label={`Account list CSV: every account of ${owner}`}>
        Account list CSV
      </a>
    </div>
  );
}
