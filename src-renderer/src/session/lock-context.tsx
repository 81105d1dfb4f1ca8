import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useApi } from '../api/api-context';
import { idleLockMs } from './idle-timeout';
import { LockScreen } from './LockScreen';
import { useCurrentSession } from './session-context';
import { useIdleTimer } from './use-idle-timer';

// sessionStorage: a reload before the server heard of the lock must not be a way past it.
const LOCKED_STORAGE_KEY = 'storedesk.locked';

interface LockValue {
  /** True while the lock screen covers the app (the scanner then leaves keys alone). */
  locked: boolean;
  lock(): void;
}

const LockContext = createContext<LockValue | null>(null);

/**
 * Locks the screen after a while without input (a till left unattended) or on demand. The lock
 * is held by the server (`auth.lock`): until the PIN is given again the session answers
 * SESSION_LOCKED to every call, so neither a reload nor a script on the page gets past it. The
 * page stays mounted underneath, inert, so unsaved work survives the lock.
 */
export function IdleLock({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  const [locked, setLocked] = useState(
    () => session.locked || window.sessionStorage.getItem(LOCKED_STORAGE_KEY) === '1',
  );
  const [timeoutMs] = useState(idleLockMs);

  // Remembered while mounted; forgotten when the session ends (this unmounts), so the next
  // person does not find a locked screen.
  useEffect(() => {
    if (locked) window.sessionStorage.setItem(LOCKED_STORAGE_KEY, '1');
    return () => window.sessionStorage.removeItem(LOCKED_STORAGE_KEY);
  }, [locked]);

  const lock = useCallback(() => {
    setLocked(true);
    // The screen locks at once; the server's lock follows (unlock lifts both).
    void api.call('auth.lock', {}).catch(() => undefined);
  }, [api]);

  const unlocked = useCallback(() => {
    setLocked(false);
    // What the page asked for while locked was refused (SESSION_LOCKED): ask again.
    void queryClient.invalidateQueries();
  }, [queryClient]);

  useIdleTimer(timeoutMs, !locked, lock);

  const value = useMemo(() => ({ locked, lock }), [locked, lock]);
  return (
    <LockContext value={value}>
      <div inert={locked} aria-hidden={locked}>
        {children}
      </div>
      {locked && <LockScreen onUnlocked={unlocked} />}
    </LockContext>
  );
}

export function useScreenLock(): LockValue {
  const value = use(LockContext);
  if (!value) throw new Error('useScreenLock() outside <IdleLock>');
  return value;
}
