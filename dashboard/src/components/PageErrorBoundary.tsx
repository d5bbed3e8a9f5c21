import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { error: Error | null };

/**
 * Keeps a page's render failure on that page. Without it one exception (a field the page did not
 * expect to be null, say) unmounts the whole app and leaves a blank window; with it the header and
 * navigation stay, and the notice says what failed. Layout keys it by address, so moving to
 * another page starts afresh.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('A page failed to render', error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="notice notice-error" data-testid="error-page-failed">
        <h1>This page could not be shown</h1>
        <p>
          {error.message || String(error)}. The other pages still work; reload to try this one again.
        </p>
      </div>
    );
  }
}
