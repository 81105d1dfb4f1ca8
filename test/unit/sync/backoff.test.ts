import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src-main/core/sync/backoff';

describe('sync backoff', () => {
  it('doubles per failure with jitter in the upper half, up to the cap', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect(backoffDelay(1, 2000, 300_000, null, low)).toBe(1000);
    expect(backoffDelay(1, 2000, 300_000, null, high)).toBe(2000);
    expect(backoffDelay(3, 2000, 300_000, null, high)).toBe(8000);
    expect(backoffDelay(30, 2000, 300_000, null, high)).toBe(300_000);
    expect(backoffDelay(30, 2000, 300_000, null, low)).toBe(150_000);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(backoffDelay(1, 2000, 300_000, 30_000, () => 0.5)).toBe(30_000);
    expect(backoffDelay(8, 2000, 300_000, 1000, () => 0)).toBe(128_000);
  });
});
