import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMarkRead, useNotifications, usePreferences, useSavePreferences } from '../lib/api/notifications';
import type { NotificationPreferences, Severity } from '../lib/api/types';
import { time } from '../lib/format';
import { useLive } from '../lib/live';
import { accountPath } from '../lib/paths';
import { AlertActions } from '../components/AlertTable';
import { Empty, ErrorState, QueryState } from '../components/ErrorState';

const SEVERITIES: Severity[] = ['critical', 'warning', 'info'];
const CHANNELS = ['in-app', 'email', 'slack', 'teams', 'discord'];

function Feed() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { pollMs } = useLive();
  const feed = useNotifications(unreadOnly, pollMs);
  const markRead = useMarkRead();
  return (
    <section aria-labelledby="feed-heading">
      <div className="section-head">
        <h2 id="feed-heading">Feed {feed.data ? <span className="muted">({feed.data.unread} unread)</span> : null}</h2>
        <label className="checkbox">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Unread only
        </label>
        <button type="button" className="secondary" onClick={() => markRead.mutate(undefined)} disabled={markRead.isPending}>
          Mark all read
        </button>
      </div>
      <QueryState query={feed} what="your notifications">
        {(data) =>
          data.notifications.length === 0 ? (
            <Empty>Nothing to tell you yet.</Empty>
          ) : (
            <ul className="feed">
              {data.notifications.map((n) => (
                <li key={n.id} data-testid="notification" data-read={n.readAt ? 'true' : 'false'} className={n.readAt ? 'read' : 'unread'}>
                  <div>
                    <span className={`severity severity-${n.severity ?? 'info'}`}>{n.severity}</span>{' '}
                    <strong>{n.reason}</strong>{' '}
                    {n.tenantId && <Link to={accountPath(n.tenantId)}>{n.accountName ?? n.tenantId}</Link>} — {n.explanation}
                    <span className="muted"> · {time(n.createdAt)}</span>
                  </div>
                  <div className="actions">
                    {!n.readAt && (
                      <button type="button" className="secondary" onClick={() => markRead.mutate(n.id)} aria-label={`Mark notification ${n.id} read`}>
                        Mark read
                      </button>
                    )}
                    {n.alertId && n.alertState && <AlertActions alertId={n.alertId} state={n.alertState} acknowledged={false} />}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function PreferencesForm({ saved }: { saved: NotificationPreferences }) {
  const [draft, setDraft] = useState<NotificationPreferences>(saved);
  const save = useSavePreferences();
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      severities: draft.severities,
      channels: draft.channels,
      quietHours: draft.quietHours?.start && draft.quietHours?.end ? draft.quietHours : null,
      digest: draft.digest,
      digestAt: draft.digestAt,
      timeZone: draft.timeZone,
    });
  };
  const channels = [...new Set([...CHANNELS, ...saved.channels])];
  return (
    <form className="preferences" onSubmit={submit} aria-labelledby="preferences-heading">
      <fieldset>
        <legend>Severities</legend>
        {SEVERITIES.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" checked={draft.severities.includes(s)}
              onChange={() => setDraft({ ...draft, severities: toggle(draft.severities, s) as Severity[] })} /> {s}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Channels</legend>
        {channels.map((c) => (
          <label key={c} className="checkbox">
            <input type="checkbox" checked={draft.channels.includes(c)} disabled={c === 'in-app'}
              onChange={() => setDraft({ ...draft, channels: toggle(draft.channels, c) })} /> {c}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Quiet hours (push channels only)</legend>
        <label>
          From
          <input type="time" value={draft.quietHours?.start ?? ''}
            onChange={(e) => setDraft({ ...draft, quietHours: { start: e.target.value, end: draft.quietHours?.end ?? '' } })} />
        </label>
        <label>
          To
          <input type="time" value={draft.quietHours?.end ?? ''}
            onChange={(e) => setDraft({ ...draft, quietHours: { start: draft.quietHours?.start ?? '', end: e.target.value } })} />
        </label>
      </fieldset>
      <fieldset>
        <legend>Digest</legend>
        <label className="checkbox">
          <input type="checkbox" checked={!!draft.digest} onChange={(e) => setDraft({ ...draft, digest: e.target.checked })} /> One digest a day
        </label>
        <label>
          At
          <input type="time" value={draft.digestAt ?? ''} onChange={(e) => setDraft({ ...draft, digestAt: e.target.value })} />
        </label>
        <label>
          Time zone
          <input value={draft.timeZone ?? ''} placeholder={Intl.DateTimeFormat().resolvedOptions().timeZone}
            onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} />
        </label>
      </fieldset>
      <button type="submit" data-testid="preferences-save" disabled={save.isPending}>Save preferences</button>
      {save.isSuccess && <span role="status" className="muted"> Saved.</span>}
      {save.isError && <ErrorState error={save.error} what="saving your preferences" />}
    </form>
  );
}

export default function NotificationsPage() {
  const preferences = usePreferences();
  return (
    <>
      <h1>Notifications</h1>
      <Feed />
      <section aria-labelledby="preferences-heading">
        <h2 id="preferences-heading">How you are told</h2>
        <QueryState query={preferences} what="your notification preferences">
          {(data) => <PreferencesForm key={data.updatedAt ?? 'defaults'} saved={data} />}
        </QueryState>
      </section>
    </>
  );
}
