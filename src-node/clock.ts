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
