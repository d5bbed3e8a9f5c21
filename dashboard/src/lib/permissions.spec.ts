import { describe, expect, it } from 'vitest';
import type { Me, Role } from './api/types';
import { homeOf, mayAct, mayExport, mayExportPortfolios, mayManageSegments, mayOpen, navigation } from './permissions';

const person = (role: Role, extra: Partial<Me> = {}): Me => ({ subject: `${role}@example.com`, email: `${role}@example.com`, role, scope: 'own', ...extra });

describe('role-based navigation', () => {
  it('shows account managers their pages, managers the team view, admins administration', () => {
    expect(navigation(person('viewer')).map((i) => i.page)).toEqual(['portfolio', 'segments', 'journey', 'alerts', 'notifications', 'reports']);
    expect(navigation(person('manager')).map((i) => i.page)).toEqual(['portfolio', 'team', 'segments', 'journey', 'alerts', 'notifications', 'reports']);
    expect(navigation(person('admin')).map((i) => i.page)).toEqual(['portfolio', 'team', 'segments', 'journey', 'alerts', 'notifications', 'reports', 'audit', 'apiKeys']);
  });

  it('gives a customer admin their own account and nothing else', () => {
    const customer = person('customer-admin', { scope: 'tenant:acme.io' });
    expect(navigation(customer)).toEqual([{ page: 'account', to: '/accounts/acme.io', label: 'Your account' }]);
    expect(homeOf(customer)).toBe('/accounts/acme.io');
    expect(mayOpen(customer, 'account', 'acme.io')).toBe(true);
    expect(mayOpen(customer, 'account', 'globex')).toBe(false);
    expect(mayOpen(customer, 'portfolio')).toBe(false);
    expect(mayOpen(customer, 'team')).toBe(false);
    expect(mayAct(customer)).toBe(false);
    expect(homeOf(person('customer-admin', { scope: 'none', tenant: 'globex' }))).toBe('/accounts/globex');
  });

  it('keeps the team view from viewers and administration from managers', () => {
    expect(mayOpen(person('viewer'), 'team')).toBe(false);
    expect(mayOpen(person('manager'), 'audit')).toBe(false);
    expect(mayOpen(person('admin'), 'apiKeys')).toBe(true);
    expect(homeOf(person('viewer'))).toBeUndefined();
  });
});

describe('export rights, as the API decides them (Role.canExport, mayExportPortfolios)', () => {
  it('lets every reading role export, and only staff export portfolios', () => {
    for (const role of ['viewer', 'analyst', 'manager', 'admin'] as Role[]) {
      expect(mayExport(person(role))).toBe(true);
      expect(mayExportPortfolios(person(role))).toBe(true);
    }
    const customer = person('customer-admin', { scope: 'tenant:acme.io' });
    expect(mayExport(customer)).toBe(true);
    expect(mayExportPortfolios(customer)).toBe(false);
    expect(mayExport(person('ingest'))).toBe(false);
    expect(mayOpen(customer, 'reports')).toBe(false);
  });
});

describe('segments and journey', () => {
  it('shows both pages to staff and lets analysts and above manage segments', () => {
    for (const role of ['viewer', 'analyst', 'manager', 'admin'] as Role[]) {
      expect(mayOpen(person(role), 'segments')).toBe(true);
      expect(mayOpen(person(role), 'journey')).toBe(true);
      expect(navigation(person(role)).find((i) => i.page === 'segments')).toEqual({ page: 'segments', to: '/segments', label: 'Segments' });
      expect(navigation(person(role)).find((i) => i.page === 'journey')).toEqual({ page: 'journey', to: '/journey', label: 'Journey' });
    }
    expect(mayManageSegments(person('viewer'))).toBe(false);
    expect(mayManageSegments(person('analyst'))).toBe(true);
    expect(mayManageSegments(person('manager'))).toBe(true);
    expect(mayManageSegments(person('admin'))).toBe(true);
    const customer = person('customer-admin', { scope: 'tenant:acme.io' });
    expect(mayOpen(customer, 'segments')).toBe(false);
    expect(mayOpen(customer, 'journey')).toBe(false);
    expect(mayManageSegments(customer)).toBe(false);
    expect(mayManageSegments(person('ingest'))).toBe(false);
  });
});
