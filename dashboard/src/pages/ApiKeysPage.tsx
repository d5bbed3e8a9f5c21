import { useState, type FormEvent } from 'react';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, type NewApiKey } from '../lib/api/admin';
import { time } from '../lib/format';
import { Empty, ErrorState, QueryState } from '../components/ErrorState';

const ROLES = ['viewer', 'analyst', 'manager', 'admin', 'customer-admin', 'ingest'];

function CreateKey() {
  const [draft, setDraft] = useState<NewApiKey>({ name: '', role: 'analyst' });
  const create = useCreateApiKey();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: draft.name.trim(), role: draft.role, scope: draft.scope || undefined, actsAs: draft.actsAs || undefined });
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="New API key">
      <label>Name<input required maxLength={100} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></label>
      <label>
        Role
        <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
          {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </label>
      <label>Scope<input value={draft.scope ?? ''} placeholder="all, own, team, none, tenant:<id>" onChange={(e) => setDraft({ ...draft, scope: e.target.value })} /></label>
      <label>Acts as<input type="email" value={draft.actsAs ?? ''} onChange={(e) => setDraft({ ...draft, actsAs: e.target.value })} /></label>
      <button type="submit" data-testid="api-key-create" disabled={create.isPending || !draft.name.trim()}>Create key</button>
      {create.data && (
        <div role="status" className="notice" data-testid="api-key-created">
          <p><strong>{create.data.warning}</strong></p>
          <code className="secret">{create.data.key}</code>
        </div>
      )}
      {create.isError && <ErrorState error={create.error} what="creating the key" />}
    </form>
  );
}

export default function ApiKeysPage() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  return (
    <section aria-labelledby="keys-heading">
      <h1 id="keys-heading">API keys</h1>
      <CreateKey />
      <QueryState query={keys} what="the API keys">
        {(data) =>
          data.keys.length === 0 ? (
            <Empty>No API keys yet.</Empty>
          ) : (
            <div className="table-wrap">
              <table data-testid="api-key-table">
                <caption className="sr-only">API keys</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th><th scope="col">Id</th><th scope="col">Role</th><th scope="col">Scope</th>
                    <th scope="col">Created</th><th scope="col">Status</th><th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {data.keys.map((k) => (
                    <tr key={k.id} data-testid="api-key-row" data-key={k.id}>
                      <th scope="row">{k.name}</th>
                      <td><code>{k.id}</code></td>
                      <td>{k.role}</td>
                      <td>{k.scope}{k.actsAs ? ` (as ${k.actsAs})` : ''}</td>
                      <td>{time(k.createdAt)}{k.createdBy ? ` by ${k.createdBy}` : ''}</td>
                      <td>{k.revoked ? `revoked ${time(k.revokedAt)}` : 'active'}</td>
                      <td>
                        {!k.revoked && (
                          <button type="button" className="danger" data-testid="api-key-revoke" disabled={revoke.isPending}
                            onClick={() => revoke.mutate(k.id)} aria-label={`Revoke key ${k.name}`}>
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
      {revoke.isError && <ErrorState error={revoke.error} what="revoking the key" />}
    </section>
  );
}
