// Who sees which page, decided in one place. The API enforces; this only keeps the
// navigation honest and explains refusals.

import type { Me, Role } from './api/types';
import { tenantOf } from './api/me';
import { accountPath, paths } from './paths';

export type Page = 'portfolio' | 'account' | 'team' | 'segments' | 'journey' | 'alerts' | 'notifications' | 'reports' | 'audit' | 'apiKeys';

const STAFF: Role[] = ['viewer', 'analyst', 'manager', 'admin'];

const ALLOWED: Record<Page, Role[]> = {
  portfolio: STAFF,
  account: [...STAFF, 'customer-admin'],
  team: ['manager', 'admin'],
  // Both compare accounts with each other, as the portfolio does: staff only.
  segments: STAFF,
  journey: STAFF,
  alerts: STAFF,
  notifications: STAFF,
  // Schedules send reports that compare accounts too; customer admins download their review instead.
  reports: STAFF,
  audit: ['admin'],
  apiKeys: ['admin'],
};

export const PAGE_LABEL: Record<Page, string> = {
  portfolio: 'Portfolio',
  account: 'Account',
  team: 'Team',
  segments: 'Segments',
  journey: 'Journey',
  alerts: 'Alerts',
  notifications: 'Notifications',
  reports: 'Reports',
  audit: 'Audit log',
  apiKeys: 'API keys',
};

export function mayOpen(me: Me, page: Page, tenant?: string): boolean {
  if (!ALLOWED[page].includes(me.role)) return false;
  if (me.role === 'customer-admin' && page === 'account') return tenant === tenantOf(me);
  return true;
}

/**
 * May download reports and lists of what they read (the API's `Role.canExport()`): every role
 * that reads. Scope still decides which accounts; the API refuses and audits the rest.
 */
export function mayExport(me: Me): boolean {
  return me.role !== 'ingest';
}

/**
 * May download portfolio reports, which compare accounts and account managers (the API's
 * `Role.mayExportPortfolios()`): staff only, never a customer admin.
 */
export function mayExportPortfolios(me: Me): boolean {
  return mayExport(me) && STAFF.includes(me.role);
}

/**
 * May create, change and delete saved segments: analysts and above. Viewers read segments; the
 * API answers their writes with 403 all the same.
 */
export function mayManageSegments(me: Me): boolean {
  return (['analyst', 'manager', 'admin'] as Role[]).includes(me.role);
}

/** May act on alerts and follow-ups (staff only; customer admins read). */
export function mayAct(me: Me): boolean {
  return STAFF.includes(me.role);
}

export interface NavItem {
  page: Page;
  to: string;
  label: string;
}

export function navigation(me: Me): NavItem[] {
  if (me.role === 'customer-admin') {
    const tenant = tenantOf(me);
    return tenant ? [{ page: 'account', to: accountPath(tenant), label: 'Your account' }] : [];
  }
  const items: NavItem[] = [
    { page: 'portfolio', to: paths.portfolio, label: PAGE_LABEL.portfolio },
    { page: 'team', to: paths.team, label: PAGE_LABEL.team },
    { page: 'segments', to: paths.segments, label: PAGE_LABEL.segments },
    { page: 'journey', to: paths.journey, label: PAGE_LABEL.journey },
    { page: 'alerts', to: paths.alerts, label: PAGE_LABEL.alerts },
    { page: 'notifications', to: paths.notifications, label: PAGE_LABEL.notifications },
    { page: 'reports', to: paths.reports, label: PAGE_LABEL.reports },
    { page: 'audit', to: paths.audit, label: PAGE_LABEL.audit },
    { page: 'apiKeys', to: paths.apiKeys, label: PAGE_LABEL.apiKeys },
  ];
  return items.filter((item) => mayOpen(me, item.page));
}

/** Where `/` takes this person: customer admins to their account, everyone else the portfolio. */
export function homeOf(me: Me): string | undefined {
  if (me.role === 'customer-admin') {
    const tenant = tenantOf(me);
    return tenant ? accountPath(tenant) : undefined;
  }
  return undefined;
}
