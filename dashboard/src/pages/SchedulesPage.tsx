import { ApiError } from '../lib/api/client';
import { useSchedules } from '../lib/api/schedules';
import type { Me } from '../lib/api/types';
import { mayExportPortfolios } from '../lib/permissions';
import { QueryState } from '../components/ErrorState';
import { ScheduleForm } from '../components/ScheduleForm';
import { ScheduleList } from '../components/ScheduleList';

/** What a 404 from the list means: a Pulse that has no schedules yet, not a missing page. */
function Unavailable() {
  return (
    <div role="status" className="notice" data-testid="schedules-unavailable">
      Report schedules are not available on this server. The account, portfolio and team pages can
      still download reports.
    </div>
  );
}

export default function SchedulesPage({ me }: { me: Me }) {
  const schedules = useSchedules();
  if (schedules.error instanceof ApiError && schedules.error.status === 404) {
    return (
      <section aria-labelledby="schedules-heading">
        <h1 id="schedules-heading">Report schedules</h1>
        <Unavailable />
      </section>
    );
  }
  return (
    <section aria-labelledby="schedules-heading">
      <h1 id="schedules-heading">Report schedules</h1>
      <p className="muted">Reports sent to you by e-mail or chat, weekly or monthly, at a time of your day.</p>
      <QueryState query={schedules} what="your report schedules">
        {(data) => <ScheduleList schedules={data.schedules} />}
      </QueryState>
      <ScheduleForm owner={me.email ?? ''} teams={mayExportPortfolios(me)} />
    </section>
  );
}
