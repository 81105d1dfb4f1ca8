import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newId } from '../../../src-node/ids';

describe('UUIDv7 ids', () => {
  it('are valid v7 UUIDs carrying their creation time', () => {
    const id = newId(Date.UTC(2026, 10, 21, 2, 0));
    expect(z.uuid({ version: 'v7' }).safeParse(id).success).toBe(true);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 21, 2, 0));
  });

  it('sort in creation order, even many within one millisecond, and never repeat', () => {
    const ids = Array.from({ length: 20_000 }, () => newId(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
