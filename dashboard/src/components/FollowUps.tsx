import { useState, type FormEvent } from 'react';
import { useAccountFollowUps, useCreateFollowUp, useUpdateFollowUp } from '../lib/api/followUps';
import type { FollowUp } from '../lib/api/types';
import type { CsvColumn } from '../lib/csv';
import { date, time } from '../lib/format';
import { CsvButton } from './CsvButton';
import { Empty, ErrorState, QueryState } from './ErrorState';

export const followUpCsvColumns: CsvColumn<FollowUp>[] = [
  { header: 'id', value: (f) => f.id },
  { header: 'tenant', value: (f) => f.tenantId },
  { header: 'title', value: (f) => f.title },
  { header: 'status', value: (f) => f.status },
  { header: 'due', value: (f) => f.dueDate },
  { header: 'owner', value: (f) => f.owner },
  { header: 'alert', value: (f) => f.alertId },
  { header: 'created at', value: (f) => f.createdAt },
  { header: 'note', value: (f) => f.note },
];

function CreateFollowUp({ tenant }: { tenant: string }) {
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const create = useCreateFollowUp(tenant);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    create.mutate({ title: title.trim(), dueDate: dueDate || undefined }, { onSuccess: () => setTitle('') });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="New follow-up">
      <label>
        Follow-up
        <input data-testid="follow-up-title" value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Due
        <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      </label>
      <button type="submit" data-testid="follow-up-create" disabled={create.isPending || !title.trim()}>
        Create
      </button>
      {create.isError && <ErrorState error={create.error} what="creating the follow-up" />}
    </form>
  );
}

export function FollowUps({ tenant }: { tenant: string }) {
  const list = useAccountFollowUps(tenant);
  const update = useUpdateFollowUp();
  return (
    <section aria-labelledby="follow-ups-heading">
      <div className="section-head">
        <h2 id="follow-ups-heading">Follow-ups</h2>
        <CsvButton testId="csv-follow-ups" filename={`pulse-follow-ups-${tenant}.csv`} columns={followUpCsvColumns}
          rows={list.data?.followUps ?? []} />
      </div>
      <CreateFollowUp tenant={tenant} />
      <QueryState query={list} what="this account's follow-ups">
        {(data) =>
          data.followUps.length === 0 ? (
            <Empty>No follow-ups yet.</Empty>
          ) : (
            <ul className="follow-ups">
              {data.followUps.map((f) => (
                <li key={f.id} data-testid="follow-up-row" data-status={f.status} data-pending={f.pending ? 'true' : undefined} className={`follow-up follow-up-${f.status}`}>
                  <span className="follow-up-title">{f.title}</span>
                  <span className="muted">
                    {f.status}
                    {f.dueDate ? ` · due ${date(f.dueDate)}` : ''} · {f.owner} · {time(f.createdAt)}
                  </span>
                  {f.pending && <span className="muted" role="status">saving…</span>}
                  {f.status === 'open' && !f.pending && (
                    <button type="button" data-testid="follow-up-done" disabled={update.isPending}
                      onClick={() => update.mutate({ followUp: f, status: 'done' })} aria-label={`Mark "${f.title}" done`}>
                      Mark done
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {update.isError && <ErrorState error={update.error} what="changing the follow-up" />}
    </section>
  );
}
