import { NavLink, Outlet, useLocation } from 'react-router';
import { useSignOut } from '../lib/api/me';
import type { Me } from '../lib/api/types';
import { timeZone } from '../lib/format';
import { useLive } from '../lib/live';
import { navigation } from '../lib/permissions';
import { PageErrorBoundary } from './PageErrorBoundary';

const LIVE_TEXT = { live: 'Live', polling: 'Updating every 30 s', offline: 'Offline' } as const;

export function LiveStatus() {
  const { state } = useLive();
  return (
    <span className={`live live-${state}`} data-testid="live-status" data-state={state} role="status" aria-live="polite">
      <span className="live-dot" aria-hidden="true" /> {LIVE_TEXT[state]}
    </span>
  );
}

export function Layout({ me }: { me: Me }) {
  const signOut = useSignOut();
  const items = navigation(me);
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Pulse</span>
        <nav aria-label="Main">
          <ul>
            {items.map((item) => (
              <li key={item.page}>
                <NavLink to={item.to} end={item.to === '/'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          {me.role !== 'customer-admin' && <LiveStatus />}
          <span data-testid="signed-in-as" title={me.scopeDescription}>
            {me.name ?? me.email ?? me.subject} <span className="muted">({me.role})</span>
          </span>
          <button type="button" className="secondary" data-testid="sign-out" disabled={signOut.isPending}
            onClick={() => signOut.mutate()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <PageErrorBoundary key={location.pathname + location.search}>
          <Outlet />
        </PageErrorBoundary>
      </main>
      <footer className="muted">Times are shown in {timeZone}.</footer>
    </>
  );
}
