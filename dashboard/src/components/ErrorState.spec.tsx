import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api/client';
import { ErrorState } from './ErrorState';

describe('error states', () => {
  it('names what is out of reach on a 403', () => {
    render(<ErrorState error={new ApiError(403, 'Forbidden', 'tenant globex is outside your scope')} what="account globex" />);
    const message = screen.getByTestId('error-forbidden');
    expect(message).toHaveTextContent('account globex');
    expect(message).toHaveTextContent('outside your scope');
    expect(message).toHaveAttribute('role', 'alert');
  });

  it('says state is restoring on a 503 and that it retries', () => {
    render(<ErrorState error={new ApiError(503, 'Service Unavailable', undefined, 5)} what="your portfolio" />);
    expect(screen.getByTestId('error-restoring')).toHaveTextContent(/restoring its state.*Retrying in about 5 s/);
  });

  it('offers a sign-in link when signed out (instead of looping through sign-in)', () => {
    window.history.pushState({}, '', '/team?preset=this-quarter');
    render(<ErrorState error={new ApiError(401, 'Not signed in')} what="the team summary" />);
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/auth/login?returnTo=%2Fteam%3Fpreset%3Dthis-quarter',
    );
  });

  it('offers a retry for other failures', () => {
    render(<ErrorState error={new Error('network down')} what="alerts" onRetry={() => undefined} />);
    expect(screen.getByTestId('error-other')).toHaveTextContent('network down');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
