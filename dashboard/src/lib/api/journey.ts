import { useQuery } from '@tanstack/react-query';
import { api, query } from './client';

// Customer journeys (`/v1/journey`, `/v1/accounts/{tenant}/journey`) and product funnels
// (`/v1/funnels`). Numbers the server cannot know yet are null.

export type StageKind = 'progress' | 'exit';

export interface CurrentStage {
  id: string;
  label: string;
  kind: StageKind;
  since: string;
  days: number;
}

export interface Transition {
  from: string | null;
  to: string;
  day: string;
}

export interface AccountJourney {
  tenant: string;
  name?: string;
  modelVersion?: string;
  stage: CurrentStage | null;
  transitions: Transition[];
}

export interface JourneyStage {
  id: string;
  label: string;
  kind: StageKind;
  current: number | null;
  entered: number | null;
  exited: number | null;
  medianDaysInStage: number | null;
  p90DaysInStage: number | null;
  dropOff: number | null;
}

export interface JourneyFlow {
  from: string;
  to: string;
  accounts: number | null;
  share: number | null;
}

export interface JourneyPath {
  stages: string[];
  accounts: number;
}

export interface Journey {
  from: string;
  to: string;
  segment: string | null;
  cohort: string | null;
  accounts: number | null;
  modelVersion?: string;
  stages: JourneyStage[];
  flows: JourneyFlow[];
  paths: JourneyPath[];
}

export interface JourneyQuery {
  from: string;
  to: string;
  segment?: string;
  /** A cohort month, `YYYY-MM`. */
  cohort?: string;
}

export interface FunnelDefinition {
  id: string;
  label: string;
  windowDays?: number;
  steps?: { id: string; label: string }[];
}

export interface FunnelStep {
  id: string;
  label?: string;
  users: number | null;
  conversion: number | null;
  overall: number | null;
  medianHoursToConvert?: number | null;
}

export interface FunnelReport {
  funnel: FunnelDefinition;
  tenant: string | null;
  segment: string | null;
  from: string;
  to: string;
  steps: FunnelStep[];
  /** The same steps across the caller's portfolio, for comparison; null for a segment's funnel. */
  portfolio: FunnelStep[] | null;
  /** Where this account's (or segment's) users fall furthest behind the portfolio. */
  stallStep: string | null;
}

export interface FunnelQuery {
  tenant?: string;
  segment?: string;
  from: string;
  to: string;
}

export function useAccountJourney(tenant: string) {
  return useQuery({
    queryKey: ['journey', 'account', tenant],
    queryFn: () => api<AccountJourney>(`/v1/accounts/${encodeURIComponent(tenant)}/journey`),
    staleTime: 60_000,
  });
}

export function useJourney(q: JourneyQuery) {
  return useQuery({
    queryKey: ['journey', q.from, q.to, q.segment ?? '', q.cohort ?? ''],
    queryFn: () => api<Journey>(`/v1/journey${query({ from: q.from, to: q.to, segment: q.segment, cohort: q.cohort })}`),
    staleTime: 60_000,
  });
}

export function useFunnels() {
  return useQuery({ queryKey: ['funnels'], queryFn: () => api<{ funnels: FunnelDefinition[] }>('/v1/funnels'), staleTime: 5 * 60_000 });
}

/** One funnel for an account or a segment; waits until a funnel and one of the two are chosen. */
export function useFunnel(id: string | undefined, q: FunnelQuery) {
  const target = q.tenant ? { tenant: q.tenant } : { segment: q.segment };
  return useQuery({
    queryKey: ['funnel', id, q.tenant ?? '', q.segment ?? '', q.from, q.to],
    queryFn: () => api<FunnelReport>(`/v1/funnels/${encodeURIComponent(id!)}${query({ ...target, from: q.from, to: q.to })}`),
    enabled: !!id && !!(q.tenant || q.segment),
    staleTime: 60_000,
  });
}
