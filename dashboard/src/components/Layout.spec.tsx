import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../test/render';
import type { Me } from '../lib/api/types';
import { AppRoutes } from '../App';

function navLinks() {
  return within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('role-based shell', () => {
  it('shows a customer admin only their account and refuses other pages', async () => {
    const customer: Me = { subject: 'it@acme.io', email: 'it@acme.io', role: 'customer-admin', scope: 'tenant:acme.io' };
    renderAt(<AppRoutes me={customer} />, '/team');
    expect(await screen.findByTestId('error-forbidden')).toHaveTextContent('team');
    expect(navLinks()).toEqual(['Your account']);
    expect(screen.getByTestId('signed-in-as')).toHaveTextContent('it@acme.io');
    expect(screen.queryByTestId('live-status')).not.toBeInTheDocument();
  });

  it('refuses a customer admin another account', async () => {
    const customer: Me = { subject: 'it@acme.io', role: 'customer-admin', scope: 'tenant:acme.io' };
    renderAt(<AppRoutes me={customer} />, '/accounts/globex');
    expect(await screen.findByTestId('error-forbidden')).toHaveTextContent('Account globex');
  });

  it('shows an admin every page and the live status', async () => {
    const admin: Me = { subject: 'ada@example.com', email: 'ada@example.com', name: 'Ada', role: 'admin', scope: 'all' };
    renderAt(<AppRoutes me={admin} />, '/nowhere');
    expect(await screen.findByText('Page not found')).toBeInTheDocument();
    expect(navLinks()).toEqual(['Portfolio', 'Team', 'Segments', 'Journey', 'Alerts', 'Notifications', 'Reports', 'Audit log', 'API keys']);
    expect(screen.getByTestId('signed-in-as')).toHaveTextContent('Ada');
    expect(screen.getByTestId('live-status')).toHaveAttribute('data-state', 'polling');
    expect(screen.getByTestId('sign-out')).toBeInTheDocument();
  });
});
