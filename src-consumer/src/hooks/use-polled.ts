import { useEffect, useState } from 'react';

/**
 * What `load` answers, asked now, every `everyMs` while the page is visible, and again when it
 * comes back into view; `error` is the last failure's message (cleared by the next success).
 * `undefined` until the first answer. `key` names what is loaded: a new key loads afresh.
 */
export function usePolled<T>(
  load: () => Promise<T>,
  everyMs: number,
  key: string,
): { value: T | undefined; error: string | null } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      if (document.hidden) return;
      try {
        const next = await load();
        if (live) {
          setValue(next);
          setError(null);
        }
      } catch (failure) {
        if (live) setError((failure as Error).message);
      }
    };
    void refresh();
    const timer = setInterval(refresh, everyMs);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
    // `load` is a new closure each render; `key` says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, everyMs]);
  return { value, error };
}
