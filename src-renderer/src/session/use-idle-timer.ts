import { useEffect, useEffectEvent } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once the user has given no input for `timeoutMs`; any input starts over. */
export function useIdleTimer(timeoutMs: number, active: boolean, onIdle: () => void): void {
  const fire = useEffectEvent(onIdle);
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => fire(), timeoutMs);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => fire(), timeoutMs);
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, restart, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, restart, { capture: true });
    };
  }, [timeoutMs, active]);
}
