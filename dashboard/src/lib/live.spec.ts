import { describe, expect, it } from 'vitest';
import type { Portfolio } from './api/types';
import { applyScore } from './live';

const portfolio: Portfolio = {
  owner: 'sarah@example.com',
  count: 2,
  asOf: '2026-12-03T10:00:00Z',
  accounts: [
    { tenantId: 'acme', name: 'Acme', score: 55, band: 'neutral', lastEventAt: '2026-12-03T09:00:00Z' },
    { tenantId: 'globex', name: 'Globex', score: 30, band: 'at_risk' },
  ],
};

describe('live score events', () => {
  it('update the matching account in place', () => {
    const next = applyScore(portfolio, { tenantId: 'acme', score: 38, band: 'at_risk', asOf: '2026-12-03T10:05:00Z', lastEventAt: '2026-12-03T10:05:00Z' });
    expect(next?.accounts[0]).toMatchObject({ score: 38, band: 'at_risk', lastEventAt: '2026-12-03T10:05:00Z' });
    expect(next?.accounts[1]).toBe(portfolio.accounts[1]);
  });

  it('leave other portfolios alone', () => {
    expect(applyScore(portfolio, { tenantId: 'initech', score: 90, band: 'healthy', asOf: '2026-12-03T10:05:00Z' })).toBe(portfolio);
    expect(applyScore(undefined, { tenantId: 'acme', score: 1, band: 'at_risk', asOf: 'x' })).toBeUndefined();
  });
});
