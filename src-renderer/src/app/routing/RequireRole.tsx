import type { ReactNode } from 'react';
import type { Role } from '../../../../src-shared/contract';
import { useCurrentSession } from '../../session/session-context';
import { ForbiddenPage } from './ForbiddenPage';

/** A page for some roles only; the others get a clear "no permission" page, not a blank one. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { staff } = useCurrentSession();
  return roles.includes(staff.role) ? children : <ForbiddenPage />;
}
