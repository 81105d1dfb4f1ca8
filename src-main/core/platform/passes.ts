/**
 * A daily job's passes: one soon after start-up (a PC that was off catches up) and then every
 * `everyMs`; each pass does only what is due, so running it more often never does anything twice.
 * The timers do not keep the process alive.
 */
export function schedulePasses(
  run: () => unknown,
  { firstMs, everyMs }: { firstMs: number; everyMs: number },
) {
  const first = setTimeout(run, firstMs);
  const every = setInterval(run, everyMs);
  first.unref();
  every.unref();
  return {
    /** A pass now (the clock moved: a test clock, or an owner's tool). */
    runNow: run,
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
