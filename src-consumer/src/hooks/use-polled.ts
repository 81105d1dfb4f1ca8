import { useEffect, useRef, useState } from 'react';

/**
 * What `load` answers, asked now, every `everyMs` while the page is visible, and again when it
 * comes back into view; `error` is the last failure's message (cleared by the next success).
 * `undefined` until the first answer. `key` names what is loaded: a new key loads afresh.
 * `everyMs` null: not asked again on a timer (what is loaded stopped changing). `set` puts in
 * a fresher answer the page got another way (the reply to a post); an ask already under way
 * then does not overwrite it.
 */
export function usePolled<T>(
  load: () => Promise<T>,
  everyMs: number | null,
  key: string,
): { value: T | undefined; error: string | null; set: (value: T) => void } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // Bumped by `set`: an answer to an ask made before it is older than what was set.
  const generation = useRef(0);
  useEffect(() => {
    let live = true;
    const refresh = async () => {
      if (document.hidden) return;
      const asked = generation.current;
      try {
        const next = await load();
        if (live && asked === generation.current) {
          setValue(next);
          setError(null);
        }
      } catch (failure) {
        if (live && asked === generation.current) setError((failure as Error).message);
      }
    };
    void refresh();
    const timer = everyMs === null ? undefined : setInterval(refresh, everyMs);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
    // `load` is a new closure each render; `key` says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, everyMs]);
  const set = (next: T) => {
    generation.current += 1;
    setValue(next);
    setError(null);
  };
  return { value, error, set };
}
