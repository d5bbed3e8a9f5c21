import { useAlerts, type AlertFilter } from '../lib/api/alerts';
import type { AlertState, Me, Severity } from '../lib/api/types';
import { useLive } from '../lib/live';
import { mayAct } from '../lib/permissions';
import { AlertTable, alertCsvColumns } from '../components/AlertTable';
import { CsvButton } from '../components/CsvButton';
import { Empty, QueryState } from '../components/ErrorState';
import { useUrlParams } from '../lib/useUrlParams';

export default function AlertsPage({ me }: { me: Me }) {
  const [params, setParams] = useUrlParams();
  const filter: AlertFilter = {
    state: (params.get('state') === 'any' ? '' : (params.get('state') ?? 'firing')) as AlertState | '',
    severity: (params.get('severity') ?? '') as Severity | '',
    owner: params.get('owner') ?? undefined,
  };
  const { pollMs } = useLive();
  const alerts = useAlerts(filter, pollMs);
  // "Any state" is an explicit empty value, not the default (firing).
  const set = (key: string, value: string) => setParams({ [key]: value || (key === 'state' ? 'any' : '') });
  return (
    <section aria-labelledby="alerts-page-heading">
      <div className="page-head">
        <h1 id="alerts-page-heading">Alerts</h1>
        <form className="filters" aria-label="Filter alerts" onSubmit={(e) => e.preventDefault()}>
          <label>
            State
            <select data-testid="filter-alert-state" value={filter.state} onChange={(e) => set('state', e.target.value)}>
              <option value="firing">Firing</option>
              <option value="pending">Pending</option>
              <option value="resolved">Resolved</option>
              <option value="">Any state</option>
            </select>
          </label>
          <label>
            Severity
            <select data-testid="filter-alert-severity" value={filter.severity} onChange={(e) => set('severity', e.target.value)}>
              <option value="">Any severity</option>
              <option value="critical">Critical</option>
              <option value="warning">Warning</option>
              <option value="info">Info</option>
            </select>
          </label>
          <CsvButton testId="csv-alerts" filename="pulse-alerts.csv" columns={alertCsvColumns} rows={alerts.data?.alerts ?? []} />
        </form>
      </div>
      <QueryState query={alerts} what="alerts">
        {(data) =>
          data.alerts.length === 0 ? (
            <Empty>No alerts match. All quiet.</Empty>
          ) : (
            <>
              {data.truncated && <p className="muted">Showing the newest {data.count}; narrow the filters to see others.</p>}
              <AlertTable alerts={data.alerts} canAct={mayAct(me)} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
