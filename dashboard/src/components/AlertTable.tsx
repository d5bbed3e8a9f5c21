import { Link } from 'react-router';
import { useAlertAction, type AlertAction } from '../lib/api/alerts';
import type { Alert } from '../lib/api/types';
import type { CsvColumn } from '../lib/csv';
import { time } from '../lib/format';
import { accountPath } from '../lib/paths';
import { ErrorState } from './ErrorState';

export const alertCsvColumns: CsvColumn<Alert>[] = [
  { header: 'alert', value: (a) => a.id },
  { header: 'tenant', value: (a) => a.tenantId },
  { header: 'rule', value: (a) => a.ruleId },
  { header: 'kind', value: (a) => a.kind },
  { header: 'severity', value: (a) => a.severity },
  { header: 'state', value: (a) => a.state },
  { header: 'explanation', value: (a) => a.explanation },
  { header: 'fired at', value: (a) => a.firedAt },
  { header: 'acknowledged at', value: (a) => a.acknowledgedAt },
  { header: 'snoozed until', value: (a) => a.snoozedUntil },
  { header: 'resolved at', value: (a) => a.resolvedAt },
  { header: 'owner', value: (a) => a.owner },
];

/** Acknowledge, snooze (one day) and resolve, as the alert's state allows. */
export function AlertActions({ alertId, state, acknowledged }: { alertId: string; state: Alert['state']; acknowledged: boolean }) {
  const action = useAlertAction();
  const open = state !== 'resolved';
  if (!open && !action.isSuccess) {
    return <span className="muted">–</span>;
  }
  const run = (kind: AlertAction) => action.mutate({ alertId, action: kind, snoozeFor: 'P1D' });
  return (
    <div className="actions">
      <button type="button" data-testid="alert-ack" disabled={!open || acknowledged || action.isPending}
        onClick={() => run('ack')} aria-label={`Acknowledge ${alertId}`}>
        Acknowledge
      </button>
      <button type="button" data-testid="alert-snooze" disabled={state !== 'firing' || action.isPending}
        onClick={() => run('snooze')} aria-label={`Snooze ${alertId} for a day`}>
        Snooze 1 day
      </button>
      <button type="button" data-testid="alert-resolve" disabled={!open || action.isPending}
        onClick={() => run('resolve')} aria-label={`Resolve ${alertId}`}>
        Resolve
      </button>
      {action.isSuccess && <span role="status" className="muted">Recorded</span>}
      {action.isError && <ErrorState error={action.error} what="this action" />}
    </div>
  );
}

export function AlertTable({ alerts, canAct, showAccount = true }: { alerts: Alert[]; canAct: boolean; showAccount?: boolean }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">Alerts</caption>
        <thead>
          <tr>
            {showAccount && <th scope="col">Account</th>}
            <th scope="col">Severity</th>
            <th scope="col">State</th>
            <th scope="col">What</th>
            <th scope="col">Fired</th>
            <th scope="col">Handled</th>
            {canAct && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} data-testid="alert-row" data-alert={a.id} data-state={a.state} data-acknowledged={a.acknowledgedAt ? 'true' : 'false'}>
              {showAccount && (
                <td>
                  <Link to={accountPath(a.tenantId)}>{a.tenantId}</Link>
                </td>
              )}
              <td>
                <span className={`severity severity-${a.severity}`}>{a.severity}</span>
              </td>
              <td>{a.state}</td>
              <td>
                <span className="muted">{a.kind}</span> {a.explanation}
              </td>
              <td>{time(a.firedAt ?? a.firstSeenAt)}</td>
              <td>
                {a.resolvedAt
                  ? `resolved ${time(a.resolvedAt)}`
                  : a.snoozedUntil
                    ? `snoozed until ${time(a.snoozedUntil)}`
                    : a.acknowledgedAt
                      ? `acknowledged ${time(a.acknowledgedAt)}`
                      : '–'}
                {a.actedBy && <span className="muted"> by {a.actedBy}</span>}
              </td>
              {canAct && (
                <td>
                  <AlertActions alertId={a.id} state={a.state} acknowledged={!!a.acknowledgedAt} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
