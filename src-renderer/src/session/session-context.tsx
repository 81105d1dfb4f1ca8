import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { SessionInfo } from '../../../src-shared/contract/auth';
import { useApi } from '../api/api-context';
import { isApiError, SESSION_LOST_CODES } from '../api/api-error';
import { useApiEvent } from '../api/use-api-event';

/** Why the login screen is shown again, told to the user there. */
export type LoginNotice = 'login.sessionEnded' | 'login.sessionExpired' | 'header.loggedOut';

interface SessionValue {
  /** undefined while it is being found out, null when nobody is logged in. */
  session: SessionInfo | null | undefined;
  login(staffId: string, pin: string): Promise<void>;
  logout(notice?: LoginNotice): Promise<void>;
  /** The message for the next login screen, if the last session ended on its own. */
  notice: LoginNotice | null;
}

const SessionContext = createContext<SessionValue | null>(null);
const SESSION_QUERY_KEY = ['auth.session', {}] as const;
// Kept across log-outs: whether the shop is set up does not depend on who is logged in.
const SHARED_QUERIES: readonly unknown[] = ['setup.status'];

export function SessionProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<LoginNotice | null>(null);

  const { data: session } = useQuery<SessionInfo | null>({
    queryKey: SESSION_QUERY_KEY,
    enabled,
    staleTime: Infinity,
    retry: false,
    queryFn: async () => {
      if (!api.mayHaveSession()) return null;
      try {
        return await api.call('auth.session', {});
      } catch (error) {
        if (isApiError(error) && SESSION_LOST_CODES.includes(error.code)) return null;
        throw error;
      }
    },
  });

  /** Forgets everything the last staff member loaded, so the next one starts clean. */
  const forgetSession = useCallback(
    (reason: LoginNotice | null) => {
      setNotice(reason);
      queryClient.removeQueries({ predicate: (q) => !SHARED_QUERIES.includes(q.queryKey[0]) });
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
    },
    [queryClient],
  );

  const login = useCallback(
    async (staffId: string, pin: string) => {
      await api.call('auth.login', { staffId, pin });
      setNotice(null);
      queryClient.setQueryData(SESSION_QUERY_KEY, await api.call('auth.session', {}));
    },
    [api, queryClient],
  );

  const logout = useCallback(
    async (reason: LoginNotice = 'header.loggedOut') => {
      // The session may already be over on the server; the UI logs out all the same.
      await api.call('auth.logout', {}).catch(() => undefined);
      forgetSession(reason);
    },
    [api, forgetSession],
  );

  const staffId = session?.staff.id;
  useEffect(
    () =>
      api.onSessionLost(() => {
        if (staffId) forgetSession('login.sessionExpired');
      }),
    [api, staffId, forgetSession],
  );
  useApiEvent('session.revoked', (payload) => {
    if (payload.staffId === staffId) void logout('login.sessionEnded');
  });

  const value = useMemo(
    () => ({ session, login, logout, notice }),
    [session, login, logout, notice],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

/** The logged-in staff member's session; only inside the pages behind the login. */
export function useCurrentSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useCurrentSession() without a session');
  return session;
}
