import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from './client';
import type { Band, BandCounts, PortfolioItem } from './types';

// Saved segments (`/v1/segments`): named criteria over the accounts in the caller's scope, with
// their members, a daily history of size and average score, and a side-by-side comparison.

/** What a segment selects; a criterion left out is not applied. */
export interface SegmentCriteria {
  plans?: string[];
  segments?: string[];
  owners?: string[];
  teams?: string[];
  bands?: Band[];
  atRisk?: boolean | null;
  scoreMin?: number | null;
  scoreMax?: number | null;
  delta7dMin?: number | null;
  delta7dMax?: number | null;
  delta30dMin?: number | null;
  delta30dMax?: number | null;
  arrMin?: number | null;
  arrMax?: number | null;
  renewalWithinDays?: number | null;
  journeyStages?: string[];
  funnel?: { id: string; reachedStep?: string } | null;
  attributes?: Record<string, string>;
}

export interface Segment {
  id: string;
  name: string;
  description?: string;
  criteria: SegmentCriteria;
  createdBy?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** A segment in the list, with its size and average score now. */
export interface SegmentSummary extends Segment {
  size?: number | null;
  averageScore?: number | null;
}

/** The body of `POST /v1/segments` and `PUT /v1/segments/{id}`. */
export interface SegmentInput {
  name: string;
  description?: string;
  criteria: SegmentCriteria;
}

/** The accounts a segment (or a preview of criteria) selects; rows as in the portfolio. */
export interface SegmentMembers {
  segment?: { id: string; name: string };
  size: number;
  averageScore?: number | null;
  accounts: PortfolioItem[];
}

export interface SegmentDay {
  day: string;
  size?: number | null;
  averageScore?: number | null;
}

export interface SegmentHistory {
  segment: { id: string; name: string };
  from: string;
  to: string;
  days: SegmentDay[];
}

export interface SegmentComparison {
  id: string;
  name: string;
  size?: number | null;
  averageScore?: number | null;
  atRisk?: number | null;
  arr?: number | null;
  bands?: BandCounts;
}

const KEY = ['segments'];
const path = (id: string) => `/v1/segments/${encodeURIComponent(id)}`;

export function useSegments() {
  return useQuery({ queryKey: KEY, queryFn: () => api<{ segments: SegmentSummary[] }>('/v1/segments') });
}

export function useSegmentMembers(id: string, enabled = true) {
  return useQuery({ queryKey: [...KEY, id, 'accounts'], queryFn: () => api<SegmentMembers>(`${path(id)}/accounts`), enabled });
}

export function useSegmentHistory(id: string, from: string, to: string) {
  return useQuery({
    queryKey: [...KEY, id, 'history', from, to],
    queryFn: () => api<SegmentHistory>(`${path(id)}/history${query({ from, to })}`),
    staleTime: 60_000,
  });
}

export function useSegmentComparison(ids: string[]) {
  return useQuery({
    queryKey: [...KEY, 'compare', ...ids],
    queryFn: () => api<{ segments: SegmentComparison[] }>(`/v1/segments/compare?ids=${ids.map(encodeURIComponent).join(',')}`),
    enabled: ids.length >= 2,
  });
}

/** The accounts some criteria would select, before they are saved. */
export function useSegmentPreview() {
  return useMutation({
    mutationFn: (criteria: SegmentCriteria) => api<SegmentMembers>('/v1/segments/preview', { method: 'POST', body: { criteria } }),
  });
}

/** Creates a segment, or replaces the one with `id`. */
export function useSaveSegment(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SegmentInput) =>
      id ? api<Segment>(path(id), { method: 'PUT', body: input }) : api<Segment>('/v1/segments', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(path(id), { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}
