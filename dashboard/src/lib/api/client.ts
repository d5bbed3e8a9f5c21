// The one way the app talks to the API: same-origin cookies, the XSRF header on writes,
// problems turned into ApiError, and a 401 sent to the server's sign-in.

import { loginPath } from '../paths';

export class ApiError extends Error {
  readonly status: number;
  readonly detail?: string;
  /** Seconds the server asked to wait (503, 429). */
  readonly retryAfter?: number;
  /** The whole problem document, for members beyond `detail` (such as which field was wrong). */
  readonly problem?: Record<string, unknown>;

  constructor(status: number, message: string, detail?: string, retryAfter?: number, problem?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.retryAfter = retryAfter;
    this.problem = problem;
  }
}

export function cookie(name: string, source: string = document.cookie): string | undefined {
  for (const part of source.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return undefined;
}

/** Sends the browser to sign in, coming back here. Replaceable in tests. */
export const navigation = {
  assign(url: string): void {
    window.location.assign(url);
  },
};

/** Marks when this tab last went to sign in (a time, not a credential). */
const SIGN_IN_STARTED = 'pulse.signInStartedAt';
const SIGN_IN_LOOP_MS = 15_000;

/**
 * Goes to the server's sign-in, coming back to the current path, unless this tab went there
 * moments ago and came back still signed out: then it stays, and the page offers a sign-in link
 * instead of looping.
 */
export function signIn(): boolean {
  const last = Number(window.sessionStorage.getItem(SIGN_IN_STARTED) ?? 0);
  if (Date.now() - last < SIGN_IN_LOOP_MS) return false;
  window.sessionStorage.setItem(SIGN_IN_STARTED, String(Date.now()));
  navigation.assign(loginPath(currentPath()));
  return true;
}

export function currentPath(): string {
  return window.location.pathname + window.location.search;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    const xsrf = cookie('XSRF-TOKEN');
    if (xsrf) {
      headers['X-XSRF-TOKEN'] = xsrf;
    }
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (response.status === 401) {
    signIn();
    throw new ApiError(401, 'Not signed in');
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function errorOf(response: Response): Promise<ApiError> {
  let title = response.statusText || `HTTP ${response.status}`;
  let detail: string | undefined;
  let problem: Record<string, unknown> | undefined;
  try {
    problem = (await response.json()) as Record<string, unknown>;
    title = typeof problem.title === 'string' ? problem.title : title;
    detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  } catch {
    // Not a problem document; the status says enough.
  }
  const retry = Number(response.headers.get('Retry-After'));
  return new ApiError(response.status, title, detail, Number.isFinite(retry) && retry > 0 ? retry : undefined, problem);
}

/** Query retry policy: wait out restoring state (503), never retry other refusals. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) {
    return error.status === 503 || (error.status >= 500 && failureCount < 2);
  }
  return failureCount < 2;
}

export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfter) {
    return Math.min(error.retryAfter, 30) * 1000;
  }
  return Math.min(1000 * 2 ** failureCount, 30_000);
}

/**
 * When to refetch after a command (alert action, follow-up change): the API records it at once
 * and the stream topology applies it, usually within a second.
 */
export const APPLIED_CHECKS_MS = [1000, 4000];

/** Builds a query string from the defined values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
