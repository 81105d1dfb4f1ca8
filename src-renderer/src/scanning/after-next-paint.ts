/** How long work waits for a frame that may never come (a hidden window draws none). */
const NO_FRAME_MS = 100;

/**
 * Runs `work` once the next frame is on screen, so what the DOM shows now is painted first. A
 * requestAnimationFrame callback runs just before that frame's paint; a task queued from it runs
 * after the paint.
 */
export function afterNextPaint(work: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  requestAnimationFrame(() => window.setTimeout(once, 0));
  window.setTimeout(once, NO_FRAME_MS);
}
