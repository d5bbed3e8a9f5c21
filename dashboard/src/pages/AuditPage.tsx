import { useState, type FormEvent } from 'react';
import { useAudit, useAuditVerify, type AuditFilter } from '../lib/api/admin';
import { time } from '../lib/format';
import { Empty, ErrorState, QueryState } from '../components/ErrorState';

function ChainCheck() {
  const verify = useAuditVerify();
  return (
    <div className="chain-check">
      <button type="button" data-testid="audit-verify" onClick={() => verify.mutate()} disabled={verify.isPending}>
        Verify the hash chains
      </button>
      {verify.data && (
        <p role="status" data-testid="audit-verify-result" data-intact={String(verify.data.intact)}
          className={verify.data.intact ? 'ok' : 'notice notice-error'}>
          {verify.data.intact
            ? `Intact: ${verify.data.recordsChecked} records in ${verify.data.chains} chains checked.`
            : `Broken: ${verify.data.firstBrokenLink ?? 'a link does not match'} (${verify.data.recordsChecked} records checked).`}
        </p>
      )}
      {verify.isError && <ErrorState error={verify.error} what="the audit chain check" />}
    </div>
  );
}

export default function AuditPage() {
  const [draft, setDraft] = useState<AuditFilter>({ result: '', limit: 100 });
  const [filter, setFilter] = useState<AuditFilter>(draft);
  const audit = useAudit(filter);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">Audit log</h1>
      <ChainCheck />
      <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
        <label>From<input type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })} /></label>
        <label>To<input type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })} /></label>
        <label>Who<input value={draft.subject ?? ''} placeholder="e-mail or api-key:id" onChange={(e) => setDraft({ ...draft, subject: e.target.value || undefined })} /></label>
        <label>Tenant<input value={draft.tenant ?? ''} onChange={(e) => setDraft({ ...draft, tenant: e.target.value || undefined })} /></label>
        <label>
          Result
          <select value={draft.result ?? ''} onChange={(e) => setDraft({ ...draft, result: e.target.value as AuditFilter['result'] })}>
            <option value="">Any</option>
            <option value="allowed">Allowed</option>
            <option value="denied">Denied</option>
          </select>
        </label>
        <button type="submit">Apply</button>
      </form>
      <QueryState query={audit} what="the audit log">
        {(data) =>
          data.records.length === 0 ? (
            <Empty>No audit records match.</Empty>
          ) : (
            <div className="table-wrap">
              <table data-testid="audit-table">
                <caption className="sr-only">Audit records, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Role</th>
                    <th scope="col">Action</th>
                    <th scope="col">Tenants</th>
                    <th scope="col">Result</th>
                    <th scope="col">Detail</th>
                  </tr>
                </thead>
                <tbody>
                  {data.records.map((r) => (
                    <tr key={`${r.chain}-${r.seq}`} data-testid="audit-row">
                      <td>{time(r.entry.at)}</td>
                      <td>{r.entry.subject}</td>
                      <td>{r.entry.role}</td>
                      <td><code>{r.entry.action}</code></td>
                      <td>{(r.entry.tenants ?? []).join(', ')}</td>
                      <td>{r.entry.allowed ? 'allowed' : 'denied'} ({r.entry.status})</td>
                      <td>{r.entry.detail ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
