import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../../test/render';
import { api, ApiError, cookie, navigation, retryDelay, shouldRetry } from './client';

afterEach(() => {
  window.sessionStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('API client', () => {
  it('sends the XSRF cookie as a header on writes only, with same-origin credentials', async () => {
    document.cookie = 'XSRF-TOKEN=tok%3D123';
    const calls = mockFetch({ '/v1/alerts/acme/silence/ack': { status: 202, body: {} }, '/v1/me': { body: { role: 'viewer' } } });
    await api('/v1/alerts/acme/silence/ack', { method: 'POST', body: {} });
    await api('/v1/me');
    const [post, get] = calls;
    expect((post.init?.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('tok=123');
    expect(post.init?.credentials).toBe('same-origin');
    expect((get.init?.headers as Record<string, string>)['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('sends a 401 to sign in, coming back to the current path', async () => {
    window.history.pushState({}, '', '/accounts/acme.io?range=1y');
    const assign = vi.spyOn(navigation, 'assign').mockImplementation(() => undefined);
    mockFetch({ '/v1/portfolio': { status: 401, body: {} } });
    await expect(api('/v1/portfolio')).rejects.toBeInstanceOf(ApiError);
    expect(assign).toHaveBeenCalledWith('/auth/login?returnTo=%2Faccounts%2Facme.io%3Frange%3D1y');

    // Back moments later and still signed out: no second trip, no loop.
    await expect(api('/v1/portfolio')).rejects.toMatchObject({ status: 401 });
    expect(assign).toHaveBeenCalledTimes(1);
  });

  it('turns problems into errors with status, detail and Retry-After', async () => {
    mockFetch({ '/v1/portfolio': { status: 503, body: { title: 'Restoring', detail: 'state restoring' }, headers: { 'Retry-After': '3' } } });
    const error = (await api('/v1/portfolio').catch((e) => e)) as ApiError;
    expect(error.status).toBe(503);
    expect(error.detail).toBe('state restoring');
    expect(error.retryAfter).toBe(3);
    expect(shouldRetry(10, error)).toBe(true);
    expect(retryDelay(1, error)).toBe(3000);
    expect(shouldRetry(0, new ApiError(403, 'Forbidden'))).toBe(false);
  });

  it('reads cookies by exact name', () => {
    expect(cookie('XSRF-TOKEN', 'A=1; XSRF-TOKEN=abc; XSRF-TOKEN2=z')).toBe('abc');
    expect(cookie('missing', 'A=1')).toBeUndefined();
  });
});
