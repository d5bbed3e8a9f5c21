import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError, currentPath } from '../lib/api/client';
import { loginPath } from '../lib/paths';

/** What went wrong, in words: refusals name what is out of reach; restoring state retries. */
export function ErrorState({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 403) {
    return (
      <div role="alert" className="notice notice-forbidden" data-testid="error-forbidden">
        <strong>Not available to you:</strong> {what}. Your role or scope does not include it
        {error.detail ? ` (${error.detail})` : ''}.
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 401) {
    return (
      <div role="alert" className="notice" data-testid="error-signed-out">
        You are not signed in, so {what} cannot be shown. <a href={loginPath(currentPath())}>Sign in</a>
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 503) {
    return (
      <div role="status" className="notice notice-restoring" data-testid="error-restoring">
        Pulse is restoring its state; {what} will show as soon as it is ready. Retrying
        {error.retryAfter ? ` in about ${error.retryAfter} s` : ''}…
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div role="alert" className="notice" data-testid="error-not-found">
        Not found: {what}.
      </div>
    );
  }
  const message = error instanceof Error ? error.message : 'unknown error';
  return (
    <div role="alert" className="notice notice-error" data-testid="error-other">
      Could not load {what}: {message}.{' '}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Loading, restoring, error or the data, for one query. */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    if (query.failureReason instanceof ApiError && query.failureReason.status === 503) {
      return <ErrorState error={query.failureReason} what={what} />;
    }
    return (
      <p role="status" className="loading">
        Loading {what}…
      </p>
    );
  }
  if (query.isError) {
    return <ErrorState error={query.error} what={what} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
