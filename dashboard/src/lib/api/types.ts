// Shapes of the query API's answers (see query-api's openapi.yaml). Optional fields are left
// out by the API when they have no value.

export type Band = 'healthy' | 'neutral' | 'at_risk';
export type Role = 'viewer' | 'analyst' | 'manager' | 'admin' | 'customer-admin' | 'ingest';

export interface Me {
  subject: string;
  email?: string;
  name?: string;
  role: Role;
  scope: string;
  scopeDescription?: string;
  method?: string;
  tenant?: string;
}

export interface SparkPoint {
  day: string;
  score: number;
}

export interface PortfolioItem {
  tenantId: string;
  name: string;
  score?: number;
  band?: Band;
  delta7d?: number;
  delta30d?: number;
  topReason?: string;
  lastEventAt?: string;
  licensedSeats?: number;
  arr?: number;
  renewalDate?: string;
  plan?: string;
  segment?: string;
  // Being added server-side; used when present.
  openAlerts?: number;
  openFollowUps?: number;
  sparkline?: SparkPoint[];
}

export interface Portfolio {
  owner: string;
  count: number;
  accounts: PortfolioItem[];
  asOf: string;
}

export interface Contribution {
  measure: string;
  label?: string;
  value?: number;
  points?: number;
  weight?: number;
  contribution?: number;
  explanation?: string;
}

export interface HealthScore {
  tenantId: string;
  score: number;
  band: Band;
  modelVersion?: string;
  asOf?: string;
  delta7d?: number;
  delta30d?: number;
  contributions?: Contribution[];
  topReason?: string;
  firstEventAt?: string;
  lastEventAt?: string;
}

export interface EngagementTotals {
  events?: number;
  activeUsers?: number;
  activeDays?: number;
  byType?: Record<string, number>;
  features?: Record<string, number>;
}

export interface AccountDetail {
  tenantId: string;
  name?: string;
  owner?: string;
  team?: string;
  plan?: string;
  licensedSeats?: number;
  arr?: number;
  renewalDate?: string;
  segment?: string;
  health?: HealthScore;
  engagement: { last7d?: EngagementTotals; last30d?: EngagementTotals };
}

export interface SeriesPoint {
  t: string;
  value?: number;
  points?: number;
}

export interface Timeseries {
  tenantId: string;
  metric: string;
  step: 'hour' | 'day';
  from: string;
  to: string;
  points: SeriesPoint[];
}

export interface BandCounts {
  healthy?: number;
  neutral?: number;
  at_risk?: number;
}

export interface GroupSummary {
  owner?: string;
  accounts: number;
  scored: number;
  averageScore?: number;
  bands: BandCounts;
  averageChange?: number;
  events?: number;
  activeUsers?: number;
  /** Bands the day before the range began: with `bands`, how the distribution changed. */
  bandsAtStart?: BandCounts;
  arr?: number;
  /** ARR of the accounts that end the range at risk. */
  arrAtRisk?: number;
}

export interface RankedAccount {
  tenantId: string;
  name?: string;
  owner?: string;
  score?: number;
  band?: Band;
  change?: number;
}

export interface Summary {
  from: string;
  to: string;
  asOf: string;
  overall: GroupSummary;
  owners: GroupSummary[];
  top: RankedAccount[];
  bottom: RankedAccount[];
}

export type AlertState = 'pending' | 'firing' | 'resolved';
export type Severity = 'info' | 'warning' | 'critical';

export interface Alert {
  id: string;
  tenantId: string;
  ruleId: string;
  kind: string;
  severity: Severity;
  state: AlertState;
  firstSeenAt: string;
  firedAt?: string;
  resolvedAt?: string;
  explanation: string;
  owner?: string;
  acknowledgedAt?: string;
  snoozedUntil?: string;
  actedBy?: string;
}

export interface AlertList {
  count: number;
  truncated: boolean;
  alerts: Alert[];
  asOf: string;
}

export type FollowUpStatus = 'open' | 'done' | 'cancelled';

export interface FollowUp {
  id: string;
  tenantId: string;
  alertId?: string;
  title: string;
  dueDate?: string;
  status: FollowUpStatus;
  owner: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  note?: string;
  /** UI only: created here, not yet applied by the topology (the API answers 404 for it). */
  pending?: boolean;
}

export interface FollowUpList {
  count: number;
  truncated: boolean;
  followUps: FollowUp[];
  asOf: string;
}

export interface Notification {
  id: string;
  recipient?: string;
  reason: 'fired' | 'reminder' | 'snooze-ended' | 'resolved';
  alertId?: string;
  tenantId?: string;
  accountName?: string;
  ruleId?: string;
  severity?: Severity;
  alertState?: AlertState;
  explanation?: string;
  createdAt: string;
  readAt?: string | null;
}

export interface NotificationFeed {
  user?: string;
  unread: number;
  count: number;
  notifications: Notification[];
}

export interface NotificationPreferences {
  user?: string;
  severities: Severity[];
  channels: string[];
  quietHours?: { start: string; end: string } | null;
  digest?: boolean;
  digestAt?: string;
  timeZone?: string;
  updatedAt?: string | null;
}

export interface AuditEntry {
  at: string;
  subject: string;
  role: string;
  method?: string;
  action: string;
  tenants?: string[];
  allowed: boolean;
  status: number;
  remote?: string;
  requestId?: string;
  detail?: string;
}

export interface AuditPage {
  count: number;
  records: { chain: string; seq: number; hash: string; entry: AuditEntry }[];
}

export interface ChainReport {
  intact: boolean;
  recordsChecked: number;
  chains: number;
  firstBrokenLink?: string;
}

export interface ApiKeyView {
  id: string;
  name: string;
  role: string;
  scope: string;
  actsAs?: string;
  createdAt: string;
  createdBy?: string;
  revokedAt?: string;
  revoked?: boolean;
}

export interface CreatedApiKey extends ApiKeyView {
  key: string;
  warning: string;
}

/** A score change pushed on the notification stream (`event: score`). */
/** Data of `event: score` on the notification stream: an account's newest score. */
export interface ScoreEvent {
  tenantId: string;
  score: number;
  band: Band;
  asOf: string;
  delta7d?: number | null;
  delta30d?: number | null;
  topReason?: string | null;
  lastEventAt?: string | null;
}
