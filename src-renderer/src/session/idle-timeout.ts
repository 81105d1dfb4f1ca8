/** The screen locks after this long without input. */
export const DEFAULT_IDLE_LOCK_MS = 5 * 60 * 1000;

/**
 * Override for tests and demos: `localStorage['storedesk.idleLockSeconds'] = '3'` makes the screen
 * lock after 3 seconds without input (read at log-in, so set it before).
 */
export const IDLE_LOCK_SECONDS_KEY = 'storedesk.idleLockSeconds';

export function idleLockMs(): number {
  const seconds = Number(window.localStorage.getItem(IDLE_LOCK_SECONDS_KEY));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_IDLE_LOCK_MS;
}
