import { Link } from 'react-router';
import { tenantOf } from '../lib/api/me';
import type { Me } from '../lib/api/types';
import { accountPath } from '../lib/paths';

/** A page this person may not open: says what, and where they can go instead. */
export function Refusal({ me, what }: { me: Me; what: string }) {
  const tenant = me.role === 'customer-admin' ? tenantOf(me) : undefined;
  return (
    <div role="alert" className="notice notice-forbidden" data-testid="error-forbidden">
      <h1>Not available</h1>
      <p>
        {what} is not available to you (role {me.role}
        {me.scopeDescription ? `, ${me.scopeDescription}` : ''}).
      </p>
      {tenant ? (
        <p>
          <Link to={accountPath(tenant)}>Go to your account</Link>
        </p>
      ) : (
        <p>
          <Link to="/">Go to the start page</Link>
        </p>
      )}
    </div>
  );
}
