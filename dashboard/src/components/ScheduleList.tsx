import { useCancelSchedule, type Schedule } from '../lib/api/schedules';
import { time } from '../lib/format';
import { describeWhen, REPORT_LABEL, targetOf } from '../lib/scheduleForm';
import { Empty, ErrorState } from './ErrorState';

const CHANNEL_LABEL: Record<string, string> = { email: 'e-mail', chat: 'chat' };

/** A person's schedules, each with its next run and a way to cancel it. */
export function ScheduleList({ schedules }: { schedules: Schedule[] }) {
  const cancel = useCancelSchedule();
  if (schedules.length === 0) return <Empty>No report schedules yet.</Empty>;
  return (
    <>
      <div className="table-wrap">
        <table data-testid="schedule-table">
          <caption className="sr-only">Your report schedules</caption>
          <thead>
            <tr>
              <th scope="col">Report</th>
              <th scope="col">When</th>
              <th scope="col">Format</th>
              <th scope="col">Sent by</th>
              <th scope="col">Next</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {schedules.map((s) => {
              const what = `${REPORT_LABEL[s.report]}: ${targetOf(s)}`;
              return (
                <tr key={s.id} data-testid="schedule-row" data-schedule={s.id}>
                  <th scope="row">{what}{s.periodDays ? <span className="muted"> ({s.periodDays} days)</span> : null}</th>
                  <td>{describeWhen(s)}</td>
                  <td>{s.format.toUpperCase()}</td>
                  <td>{s.channels.map((c) => CHANNEL_LABEL[c] ?? c).join(', ')}</td>
                  <td>{time(s.nextRunAt)}</td>
                  <td>
                    <button type="button" className="danger" data-testid="schedule-cancel" aria-label={`Cancel schedule ${what}, ${describeWhen(s)}`}
                      disabled={cancel.isPending && cancel.variables === s.id} onClick={() => cancel.mutate(s.id)}>
                      Cancel
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {cancel.isError && <ErrorState error={cancel.error} what="cancelling the schedule" />}
    </>
  );
}
