/** Time comes from here so tests can move it; UTC epoch milliseconds everywhere. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for tests and the demo data generator. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now() {
    return this.current;
  }
  advance(ms: number) {
    this.current += ms;
  }
  set(ms: number) {
    this.current = ms;
  }
}

/**
 * The system's time moved by an offset: the end-to-end server's clock (`--test-clock`), which
 * its test moves forward days at a time while everything else runs for real.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  now() {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number) {
    this.offsetMs += ms;
  }
}
