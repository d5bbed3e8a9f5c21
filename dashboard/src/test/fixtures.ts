// Answers of the segment, journey and funnel endpoints, as their JSON contracts give them.

import type { AccountJourney, FunnelReport, Journey } from '../lib/api/journey';
import type { SegmentComparison, SegmentHistory, SegmentMembers, SegmentSummary } from '../lib/api/segments';
import type { PortfolioItem } from '../lib/api/types';

export const enterpriseAtRisk: SegmentSummary = {
  id: 'seg-1a2b3c',
  name: 'Enterprise at risk',
  description: 'Big accounts slipping',
  criteria: {
    plans: ['enterprise'], segments: [], owners: [], teams: [], bands: ['at_risk'], atRisk: true, scoreMin: null, scoreMax: 50,
    delta7dMin: null, delta7dMax: -10, renewalWithinDays: 90, journeyStages: ['adopting'], attributes: { region: 'emea' },
  },
  createdBy: 'ana@example.com',
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  size: 2,
  averageScore: 31.5,
};

export const newLogos: SegmentSummary = {
  id: 'seg-new', name: 'New logos', criteria: { journeyStages: ['onboarding'] }, createdBy: 'ana@example.com',
  createdAt: '2026-12-02T10:00:00Z', updatedAt: '2026-12-02T10:00:00Z', size: 5, averageScore: 62,
};

export const members: PortfolioItem[] = [
  { tenantId: 'globex', name: 'Globex', score: 22, band: 'at_risk', delta7d: -12, topReason: 'Seat use fell to 20 %.', arr: 90000, plan: 'enterprise', openAlerts: 2, openFollowUps: 1 },
  { tenantId: 'acme.io', name: 'Acme', score: 41, band: 'neutral', delta7d: -11, arr: 250000, plan: 'enterprise', openAlerts: 0, openFollowUps: 0 },
];

export const segmentMembers: SegmentMembers = { segment: { id: enterpriseAtRisk.id, name: enterpriseAtRisk.name }, size: 2, averageScore: 31.5, accounts: members };

export const segmentHistory: SegmentHistory = {
  segment: { id: enterpriseAtRisk.id, name: enterpriseAtRisk.name },
  from: '2026-11-01',
  to: '2026-12-01',
  days: [{ day: '2026-11-01', size: 1, averageScore: 40 }, { day: '2026-11-02', size: 2, averageScore: 31.5 }],
};

export const comparison: SegmentComparison[] = [
  { id: enterpriseAtRisk.id, name: enterpriseAtRisk.name, size: 2, averageScore: 31.5, atRisk: 1, arr: 340000, bands: { healthy: 0, neutral: 1, at_risk: 1 } },
  { id: newLogos.id, name: newLogos.name, size: 5, averageScore: 62, atRisk: 0, arr: 120000, bands: { healthy: 3, neutral: 2, at_risk: 0 } },
];

const stage = (id: string, label: string, kind: 'progress' | 'exit', current: number) => ({
  id, label, kind, current, entered: current + 5, exited: 5, medianDaysInStage: 9, p90DaysInStage: 20, dropOff: kind === 'exit' ? null : 1,
});

export const journey: Journey = {
  from: '2026-09-01', to: '2026-12-01', segment: null, cohort: null, accounts: 123, modelVersion: '2026.12-1',
  stages: [
    stage('onboarding', 'Onboarding', 'progress', 12), stage('activated', 'Activated', 'progress', 30),
    stage('adopting', 'Adopting', 'progress', 40), stage('engaged', 'Engaged', 'progress', 25),
    stage('at_risk', 'At risk', 'exit', 10), stage('churned', 'Churned', 'exit', 6),
  ],
  flows: [
    { from: 'onboarding', to: 'activated', accounts: 20, share: 0.8 },
    { from: 'activated', to: 'adopting', accounts: 18, share: 0.6 },
    { from: 'adopting', to: 'engaged', accounts: 12, share: 0.3 },
    { from: 'adopting', to: 'at_risk', accounts: 4, share: 0.1 },
    { from: 'at_risk', to: 'churned', accounts: 2, share: 0.2 },
    { from: 'at_risk', to: 'adopting', accounts: 3, share: 0.3 },
  ],
  paths: [{ stages: ['onboarding', 'activated', 'adopting'], accounts: 14 }, { stages: ['adopting', 'at_risk', 'churned'], accounts: 2 }],
};

export const funnels = {
  funnels: [
    { id: 'reporting', label: 'Reporting adoption', windowDays: 14, steps: [{ id: 'login', label: 'First login' }, { id: 'reports', label: 'Used reports' }, { id: 'exports', label: 'Exported a report' }] },
    { id: 'setup', label: 'Setup', windowDays: 7, steps: [] },
  ],
};

export const funnelReport: FunnelReport = {
  funnel: { id: 'reporting', label: 'Reporting adoption', windowDays: 14 },
  tenant: 'acme.io', segment: null, from: '2026-09-01', to: '2026-12-01',
  steps: [
    { id: 'login', label: 'First login', users: 120, conversion: 1.0, overall: 1.0, medianHoursToConvert: null },
    { id: 'reports', label: 'Used reports', users: 72, conversion: 0.6, overall: 0.6, medianHoursToConvert: 5.2 },
    { id: 'exports', label: 'Exported a report', users: 22, conversion: 0.31, overall: 0.18, medianHoursToConvert: 30 },
  ],
  portfolio: [
    { id: 'login', users: 5400, conversion: 1.0, overall: 1.0 },
    { id: 'reports', users: 3500, conversion: 0.65, overall: 0.65 },
    { id: 'exports', users: 2030, conversion: 0.58, overall: 0.38 },
  ],
  stallStep: 'exports',
};

export const accountJourney: AccountJourney = {
  tenant: 'acme.io', name: 'Acme', modelVersion: '2026.12-1',
  stage: { id: 'adopting', label: 'Adopting', kind: 'progress', since: '2026-11-02', days: 31 },
  transitions: [
    { from: 'onboarding', to: 'activated', day: '2026-10-10' },
    { from: 'activated', to: 'adopting', day: '2026-11-02' },
  ],
};
