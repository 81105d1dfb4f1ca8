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
 * failures allows. A demand (a manager's "sync now", the network coming back) skips the
 * backoff's wait but never the cloud's own `Retry-After`: until then it runs nothing, and the
 * scheduled round comes when the cloud asked. A round on demand counts like any other: its
 * failure lengthens the backoff, only a success ends it. One round at a time: a demand during a
 * round is answered by that round's end followed by one more.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  /** The cloud asked (Retry-After) not to be called before this time. */
  private notBefore = 0;
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

  /** Failed rounds in a row (0 after a success). */
  get failedRounds(): number {
    return this.failures;
  }

  /** When the cloud's Retry-After ends, while it holds. */
  get retryNotBefore(): number | null {
    return this.notBefore > this.now() ? this.notBefore : null;
  }

  /**
   * Runs a round now (or right after the current one) and resolves when it is done; while the
   * cloud's Retry-After holds, runs nothing.
   */
  async trigger(): Promise<void> {
    if (this.closed || this.retryNotBefore !== null) return;
    if (this.running) {
      this.again = true;
      await this.running;
      if (this.running) await this.running;
      return;
    }
    await this.run();
  }

  /** A new pairing: what the previous cloud answered says nothing about the next rounds. */
  forgetFailures(): void {
    this.failures = 0;
    this.notBefore = 0;
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
        this.notBefore = result.retryAfterMs ? this.now() + result.retryAfterMs : 0;
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
        this.notBefore = 0;
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
