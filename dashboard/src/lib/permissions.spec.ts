import { describe, expect, it } from 'vitest';
import type { Me, Role } from './api/types';
import { homeOf, mayAct, mayOpen, navigation } from './permissions';

const person = (role: Role, extra: Partial<Me> = {}): Me => ({ subject: `${role}@example.com`, email: `${role}@example.com`, role, scope: 'own', ...extra });

describe('role-based navigation', () => {
  it('shows account managers their pages, managers the team view, admins administration', () => {
    expect(navigation(person('viewer')).map((i) => i.page)).toEqual(['portfolio', 'alerts', 'notifications']);
    expect(navigation(person('manager')).map((i) => i.page)).toEqual(['portfolio', 'team', 'alerts', 'notifications']);
    expect(navigation(person('admin')).map((i) => i.page)).toEqual(['portfolio', 'team', 'alerts', 'notifications', 'audit', 'apiKeys']);
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
