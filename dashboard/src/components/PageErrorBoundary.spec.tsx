import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageErrorBoundary } from './PageErrorBoundary';

function Broken(): never {
  throw new TypeError("Cannot read properties of null (reading 'map')");
}

afterEach(() => vi.restoreAllMocks());

describe('page error boundary', () => {
  it('shows what failed instead of a blank window, and keeps what is around it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <>
        <nav>Main navigation</nav>
        <PageErrorBoundary>
          <Broken />
        </PageErrorBoundary>
      </>,
    );
    expect(screen.getByTestId('error-page-failed')).toHaveTextContent(
      "This page could not be shownCannot read properties of null (reading 'map'). The other pages still work; reload to try this one again.",
    );
    expect(screen.getByText('Main navigation')).toBeInTheDocument();
  });

  it('shows the page when it renders', () => {
    render(<PageErrorBoundary><p>Portfolio</p></PageErrorBoundary>);
    expect(screen.getByText('Portfolio')).toBeInTheDocument();
    expect(screen.queryByTestId('error-page-failed')).toBeNull();
  });
});
