import { useAccountJourney } from '../lib/api/journey';
import { date } from '../lib/format';
import { stageLabel } from '../lib/stages';
import { Empty, QueryState } from './ErrorState';

/** The newest moves shown; older ones are in the journey page's figures. */
const SHOWN = 8;

/** An account's journey stage, how long it has been there, and its latest moves as a timeline. */
export function AccountJourney({ tenant }: { tenant: string }) {
  const journey = useAccountJourney(tenant);
  return (
    <section aria-labelledby="journey-heading" data-testid="account-journey">
      <h2 id="journey-heading">Journey</h2>
      <QueryState query={journey} what="this account's journey">
        {(data) => {
          const known = data.stage ? [{ id: data.stage.id, label: data.stage.label }] : [];
          const moves = data.transitions.slice(-SHOWN).reverse();
          return (
            <>
              {data.stage ? (
                <p data-testid="account-journey-stage" data-stage={data.stage.id} data-days={data.stage.days}>
                  <strong>{data.stage.kind === 'exit' ? `Exit: ${data.stage.label}` : data.stage.label}</strong> for{' '}
                  {data.stage.days === 1 ? '1 day' : `${data.stage.days} days`}, since {date(data.stage.since)}
                  {data.modelVersion ? <span className="muted"> (journey model {data.modelVersion})</span> : null}
                </p>
              ) : (
                <Empty>No journey stage yet.</Empty>
              )}
              {moves.length > 0 && (
                <ol className="timeline" aria-label="Latest moves between stages, newest first">
                  {moves.map((t) => (
                    <li key={`${t.day}-${t.from}-${t.to}`} data-testid="journey-transition">
                      <time dateTime={t.day}>{date(t.day)}</time>: {stageLabel(t.from, known)} → {stageLabel(t.to, known)}
                    </li>
                  ))}
                </ol>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
