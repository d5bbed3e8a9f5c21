// Team view figures that the summary does not carry: ARR at risk, from the owners' portfolios.

import type { BandCounts, GroupSummary, Portfolio } from './api/types';

export function arrAtRisk(portfolio: Portfolio | undefined): number | undefined {
  if (!portfolio) return undefined;
  return portfolio.accounts.filter((a) => a.band === 'at_risk').reduce((sum, a) => sum + (a.arr ?? 0), 0);
}

export function bandChange(now: BandCounts, before: BandCounts | undefined): BandCounts | undefined {
  if (!before) return undefined;
  return {
    healthy: (now.healthy ?? 0) - (before.healthy ?? 0),
    neutral: (now.neutral ?? 0) - (before.neutral ?? 0),
    at_risk: (now.at_risk ?? 0) - (before.at_risk ?? 0),
  };
}

export interface TeamRow extends GroupSummary {
  owner: string;
  arrAtRisk?: number;
}

export function teamRows(owners: GroupSummary[], portfolios: Map<string, Portfolio | undefined>): TeamRow[] {
  return owners
    .filter((o): o is GroupSummary & { owner: string } => !!o.owner)
    .map((o) => ({ ...o, arrAtRisk: arrAtRisk(portfolios.get(o.owner)) }))
    .sort((a, b) => (a.averageScore ?? 101) - (b.averageScore ?? 101));
}
