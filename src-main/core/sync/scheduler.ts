import { backoffDelay } from './backoff';

export interface SchedulerOptions {
  intervalMs: () => number;
  backoffBaseMs: number;
  backoffCapMs: number;
}

/** What one round reported, for the next wait. */
export type RoundResult =
  | { ok: true }
  | { ok: false; retryAfterMs: number | null }
  /** Nothing to do until someone acts (unpaired, pairing ended). */
  | { ok: 'idle' };

/**
 * Runs sync rounds: every interval, at once on demand, sooner never than the backoff after
 * failures allows (except on demand). One round at a time: a demand during a round is
 * answered by that round's end followed by one more.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  /** Periodic rounds on (autoStart); on-demand rounds work either way until closed. */
  private periodic = false;
  private closed = false;
  nextAttemptAt: number | null = null;

  constructor(
    private readonly round: () => Promise<RoundResult>,
    private readonly options: SchedulerOptions,
    private readonly now: () => number,
  ) {}

  start(): void {
    this.periodic = true;
    this.schedule(0);
  }

  /** Resolves when no round is under way. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Runs a round now (or right after the current one) and resolves when it is done. */
  async trigger(): Promise<void> {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      await this.running;
      if (this.running) await this.running;
      return;
    }
    await this.run();
  }

  /** The interval changed: count it from now. */
  reschedule(): void {
    if (!this.running && this.failures === 0) this.schedule(this.options.intervalMs());
  }

  /** Stops for good; answers the round under way, if any (its writes are whole transactions). */
  stop(): Promise<void> | null {
    this.closed = true;
    this.clearTimer();
    return this.running ? this.settled() : null;
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
  }

  private schedule(delayMs: number) {
    this.clearTimer();
    if (this.closed || !this.periodic) return;
    this.nextAttemptAt = this.now() + delayMs;
    this.timer = setTimeout(() => void this.run(), delayMs);
    this.timer.unref();
  }

  private run(): Promise<void> {
    this.clearTimer();
    const work = (async () => {
      let result: RoundResult;
      try {
        result = await this.round();
      } catch {
        result = { ok: false, retryAfterMs: null };
      }
      if (result.ok === false) {
        this.failures += 1;
        this.schedule(
          backoffDelay(
            this.failures,
            this.options.backoffBaseMs,
            this.options.backoffCapMs,
            result.retryAfterMs,
          ),
        );
      } else {
        this.failures = 0;
        this.schedule(this.options.intervalMs());
      }
    })();
    this.running = work.finally(() => {
      this.running = null;
      if (this.again && !this.closed) {
        this.again = false;
        void this.run();
      }
    });
    return this.running;
  }
}
