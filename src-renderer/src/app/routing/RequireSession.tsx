import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { LOGIN_PATH } from '../../navigation/paths';
import { useSession } from '../../session/session-context';
import { FullPageSpinner } from '../../ui/FullPageSpinner';

/** The pages behind the login: without a session, off to the login screen. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (session === undefined) return <FullPageSpinner />;
  if (session === null) return <Navigate to={LOGIN_PATH} replace />;
  return children;
}
