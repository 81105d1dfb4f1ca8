/**
 * A Server-Sent Events stream read as a browser would (fetch, the body read as it comes), for
 * tests: `next()` answers the next event's name, or fails after `timeoutMs`.
 */
export async function openEventStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: string[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const name = /^event: (.+)$/m.exec(block)?.[1];
            if (name) events.push(name);
          }
          waiters.splice(0).forEach((wake) => wake());
        }
      } catch {
        // Aborted by close().
      }
      ended = true;
      waiters.splice(0).forEach((wake) => wake());
    })();
  }

  /** The next event's name, in order of arrival. */
  async function next(timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!events.length) {
      if (ended) throw new Error('the event stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return events.shift()!;
  }

  return {
    status: response.status,
    response,
    next,
    /** Events received and not yet taken by next(). */
    pending: () => [...events],
    get ended() {
      return ended;
    },
    close: () => controller.abort(),
  };
}
