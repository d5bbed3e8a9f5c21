import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { retryDelay, shouldRetry } from './lib/api/client';
import { useMe } from './lib/api/me';
import type { Me } from './lib/api/types';
import { LiveProvider } from './lib/live';
import { homeOf, mayOpen, PAGE_LABEL, type Page } from './lib/permissions';
import { paths } from './lib/paths';
import { Layout } from './components/Layout';
import { QueryState } from './components/ErrorState';
import { Refusal } from './components/Refusal';
import { PortfolioPage } from './pages/PortfolioPage';

// Pages other than the landing page load on first visit; charts (uPlot) only with the account page.
const AccountPage = lazy(() => import('./pages/AccountPage'));
const TeamPage = lazy(() => import('./pages/TeamPage'));
const AlertsPage = lazy(() => import('./pages/AlertsPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const SchedulesPage = lazy(() => import('./pages/SchedulesPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const ApiKeysPage = lazy(() => import('./pages/ApiKeysPage'));
const SegmentsPage = lazy(() => import('./pages/SegmentsPage'));
const SegmentPage = lazy(() => import('./pages/SegmentPage'));
const SegmentFormPage = lazy(() => import('./pages/SegmentFormPage'));
const SegmentComparePage = lazy(() => import('./pages/SegmentComparePage'));
const JourneyPage = lazy(() => import('./pages/JourneyPage'));

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

function Guard({ me, page, children }: { me: Me; page: Page; children: ReactNode }) {
  return mayOpen(me, page) ? <>{children}</> : <Refusal me={me} what={`The ${PAGE_LABEL[page].toLowerCase()} page`} />;
}

function NotFound() {
  return (
    <div role="alert" className="notice" data-testid="error-not-found">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link to="/">Go to the start page</Link>
      </p>
    </div>
  );
}

function Home({ me }: { me: Me }) {
  const home = homeOf(me);
  if (home) return <Navigate to={home} replace />;
  return (
    <Guard me={me} page="portfolio">
      <PortfolioPage me={me} />
    </Guard>
  );
}

export function AppRoutes({ me }: { me: Me }) {
  return (
    <Suspense fallback={<p role="status" className="loading">Loading…</p>}>
      <Routes>
        <Route element={<Layout me={me} />}>
          <Route index element={<Home me={me} />} />
          <Route path={paths.account} element={<AccountPage me={me} />} />
          <Route path={paths.team} element={<Guard me={me} page="team"><TeamPage me={me} /></Guard>} />
          <Route path={paths.segments} element={<Guard me={me} page="segments"><SegmentsPage me={me} /></Guard>} />
          <Route path={paths.segmentNew} element={<Guard me={me} page="segments"><SegmentFormPage me={me} /></Guard>} />
          <Route path={paths.segmentCompare} element={<Guard me={me} page="segments"><SegmentComparePage /></Guard>} />
          <Route path={paths.segment} element={<Guard me={me} page="segments"><SegmentPage me={me} /></Guard>} />
          <Route path={paths.segmentEdit} element={<Guard me={me} page="segments"><SegmentFormPage me={me} /></Guard>} />
          <Route path={paths.journey} element={<Guard me={me} page="journey"><JourneyPage /></Guard>} />
          <Route path={paths.alerts} element={<Guard me={me} page="alerts"><AlertsPage me={me} /></Guard>} />
          <Route path={paths.notifications} element={<Guard me={me} page="notifications"><NotificationsPage /></Guard>} />
          <Route path={paths.reports} element={<Guard me={me} page="reports"><SchedulesPage me={me} /></Guard>} />
          <Route path={paths.audit} element={<Guard me={me} page="audit"><AuditPage /></Guard>} />
          <Route path={paths.apiKeys} element={<Guard me={me} page="apiKeys"><ApiKeysPage /></Guard>} />
          <Route path="*" element={me.role === 'customer-admin' ? <Refusal me={me} what="This address" /> : <NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function SignedIn() {
  const me = useMe();
  return (
    <QueryState query={me} what="who you are">
      {(data) => (
        <LiveProvider enabled={data.role !== 'customer-admin'}>
          <AppRoutes me={data} />
        </LiveProvider>
      )}
    </QueryState>
  );
}

export function App({ client = createQueryClient() }: { client?: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <SignedIn />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
