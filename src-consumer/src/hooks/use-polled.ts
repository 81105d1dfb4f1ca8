import { useEffect, useRef, useState } from 'react';
import { subscribeLive, type LiveTopic } from '../live/live-stream';

/** While the live stream is open, the timer still asks this often, in case a signal was lost. */
const LIVE_SAFETY_MS = 60_000;

/**
 * What `load` answers, asked now, every `everyMs` while the page is visible, and again when it
 * comes back into view; `error` is the last failure's message (cleared by the next success).
 * `undefined` until the first answer. `key` names what is loaded: a new key loads afresh.
 * `everyMs` null: not asked again on a timer (what is loaded stopped changing). `set` puts in
 * a fresher answer the page got another way (the reply to a post); an ask already under way
 * then does not overwrite it.
 * `live`: also asked at once when the cloud's live stream says the topic changed; while that
 * stream is open the timer only asks every minute (the stream says when to look).
 */
export function usePolled<T>(
  load: () => Promise<T>,
  everyMs: number | null,
  key: string,
  live?: { merchantCode: string; topic: LiveTopic },
): { value: T | undefined; error: string | null; set: (value: T) => void } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // Bumped by `set`: an answer to an ask made before it is older than what was set.
  const generation = useRef(0);
  useEffect(() => {
    let mounted = true;
    let streamOpen = false;
    let askedAt = 0;
    const refresh = async () => {
      if (document.hidden) return;
      askedAt = Date.now();
      const asked = generation.current;
      try {
        const next = await load();
        if (mounted && asked === generation.current) {
          setValue(next);
          setError(null);
        }
      } catch (failure) {
        if (mounted && asked === generation.current) setError((failure as Error).message);
      }
    };
    void refresh();
    const tick = () => {
      if (streamOpen && Date.now() - askedAt < LIVE_SAFETY_MS) return;
      void refresh();
    };
    const timer = everyMs === null ? undefined : setInterval(tick, everyMs);
    document.addEventListener('visibilitychange', refresh);
    const stopListening = live
      ? subscribeLive(live.merchantCode, {
          signal: (signal) => {
            if (signal === live.topic || signal === 'resync') void refresh();
          },
          state: (open) => (streamOpen = open),
        })
      : undefined;
    return () => {
      mounted = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
      stopListening?.();
    };
    // `load` is a new closure each render; `key` says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, everyMs, live?.merchantCode, live?.topic]);
  const set = (next: T) => {
    generation.current += 1;
    setValue(next);
    setError(null);
  };
  return { value, error, set };
}
