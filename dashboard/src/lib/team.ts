// Team view rows: one per account manager, weakest average first.

import type { BandCounts, GroupSummary } from './api/types';

export function bandChange(now: BandCounts, before: BandCounts | undefined): BandCounts | undefined {
  if (!before) return undefined;
  return {
    healthy: (now.healthy ?? 0) - (before.healthy ?? 0),
    neutral: (now.neutral ?? 0) - (before.neutral ?? 0),
    at_risk: (now.at_risk ?? 0) - (before.at_risk ?? 0),
  };
}

export type TeamRow = GroupSummary & { owner: string };

export function teamRows(owners: GroupSummary[]): TeamRow[] {
  return owners
    .filter((o): o is TeamRow => !!o.owner)
    .sort((a, b) => (a.averageScore ?? 101) - (b.averageScore ?? 101));
}
