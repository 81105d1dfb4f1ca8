import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react';
import { idleLockMs } from './idle-timeout';
import { LockScreen } from './LockScreen';
import { useIdleTimer } from './use-idle-timer';

// sessionStorage: reloading the page must not be a way past the lock screen.
const LOCKED_STORAGE_KEY = 'storedesk.locked';

interface LockValue {
  /** True while the lock screen covers the app (the scanner then leaves keys alone). */
  locked: boolean;
  lock(): void;
}

const LockContext = createContext<LockValue | null>(null);

/**
 * Locks the screen after a while without input (a till left unattended) or on demand. The page
 * stays mounted underneath, inert, so unsaved work survives the lock.
 */
export function IdleLock({ children }: { children: ReactNode }) {
  const [locked, setLocked] = useState(
    () => window.sessionStorage.getItem(LOCKED_STORAGE_KEY) === '1',
  );
  const [timeoutMs] = useState(idleLockMs);

  // Remembered while mounted; forgotten when the session ends (this unmounts), so the next
  // person does not find a locked screen.
  useEffect(() => {
    if (locked) window.sessionStorage.setItem(LOCKED_STORAGE_KEY, '1');
    return () => window.sessionStorage.removeItem(LOCKED_STORAGE_KEY);
  }, [locked]);

  useIdleTimer(timeoutMs, !locked, () => setLocked(true));

  const value = useMemo(() => ({ locked, lock: () => setLocked(true) }), [locked]);
  return (
    <LockContext value={value}>
      <div inert={locked} aria-hidden={locked}>
        {children}
      </div>
      {locked && <LockScreen onUnlocked={() => setLocked(false)} />}
    </LockContext>
  );
}

export function useScreenLock(): LockValue {
  const value = use(LockContext);
  if (!value) throw new Error('useScreenLock() outside <IdleLock>');
  return value;
}
