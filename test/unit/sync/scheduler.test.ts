import { afterEach, describe, expect, it } from 'vitest';
import { SyncScheduler, type RoundResult } from '../../../src-main/core/sync/scheduler';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A scheduler over a round that records when it ran and answers what the test says. */
function scheduler(answers: RoundResult[], intervalMs = 60) {
  const runs: number[] = [];
  const started = Date.now();
  let next = 0;
  const s = new SyncScheduler(
    async () => {
      runs.push(Date.now() - started);
      await wait(5);
      return answers[Math.min(next++, answers.length - 1)]!;
    },
    { intervalMs: () => intervalMs, backoffBaseMs: 40, backoffCapMs: 100 },
    () => Date.now(),
  );
  return { s, runs };
}

let current: SyncScheduler | null = null;
afterEach(() => current?.stop());

describe('sync schedule', () => {
  it('runs at start, then every interval, and never after stop', async () => {
    const { s, runs } = scheduler([{ ok: true }]);
    current = s;
    s.start();
    await wait(230);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs[0]).toBeLessThan(30);
    await s.stop();
    const count = runs.length;
    await wait(150);
    expect(runs.length).toBe(count);
  });

  it('backs off after failures and waits what Retry-After asks', async () => {
    const { s, runs } = scheduler([{ ok: false, retryAfterMs: 300 }, { ok: true }], 1000);
    current = s;
    s.start();
    await wait(200);
    expect(runs.length).toBe(1); // Retry-After 300 ms, not the 40 ms backoff
    expect(s.nextAttemptAt! - Date.now()).toBeGreaterThan(50);
    await wait(250);
    expect(runs.length).toBe(2);
  });

  it('on demand skips the backoff but not Retry-After, and its failure counts', async () => {
    const { s, runs } = scheduler(
      [{ ok: false, retryAfterMs: null }, { ok: false, retryAfterMs: 200 }, { ok: true }],
      10_000,
    );
    current = s;
    await s.trigger();
    expect(s.failedRounds).toBe(1);
    expect(s.retryNotBefore).toBeNull();
    await s.trigger(); // at once, although the backoff would wait
    expect(runs.length).toBe(2);
    expect(s.failedRounds).toBe(2);
    const until = s.retryNotBefore!;
    expect(until - Date.now()).toBeGreaterThan(100);
    await s.trigger(); // the cloud asked to wait: nothing runs
    expect(runs.length).toBe(2);
    await wait(until - Date.now() + 5);
    await s.trigger();
    expect(runs.length).toBe(3);
    expect(s.failedRounds).toBe(0);
    expect(s.retryNotBefore).toBeNull();
  });

  it('on demand runs at once; a demand during a round runs one more after it', async () => {
    const { s, runs } = scheduler([{ ok: true }], 10_000);
    current = s;
    await s.trigger();
    expect(runs.length).toBe(1);
    const first = s.trigger();
    const second = s.trigger();
    await Promise.all([first, second]);
    expect(runs.length).toBe(3);
  });
});
