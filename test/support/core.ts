import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterThisTest } from './after-test';
import { createCore, type Core, type CoreOptions } from '../../src-main/core';
import type { InputOf, MethodName, OutputOf } from '../../src-shared/contract';
import type { AppErrorShape } from '../../src-shared/errors';
import { ManualClock } from '../../src-node/clock';
import { createMemoryLogger } from '../../src-node/logger';

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(prefix = 'storedesk-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterThisTest(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const START = Date.UTC(2026, 10, 21, 2, 0, 0); // 2026-11-21 10:00 in Shanghai

/** A core over a real SQLite file in a temp dir, with a clock the test moves. */
export async function testCore(options: Partial<CoreOptions> = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const clock = new ManualClock(START);
  const logger = createMemoryLogger();
  const core = await createCore({
    dataDir,
    clock,
    logger,
    ...options,
    // No reading ahead behind a test's back: the ranking's own test calls it.
    config: { validateOutputs: true, analytics: { warmUpDelayMs: null }, ...options.config },
  });
  afterThisTest(() => core.close());
  return { core, clock, logger, dataDir, ...callers(core) };
}

export function callers(core: Core) {
  /** Calls a method and returns its data; fails the test with the error otherwise. */
  async function ok<M extends MethodName>(
    method: M,
    input: InputOf<M>,
    token?: string,
  ): Promise<OutputOf<M>> {
    const result = await core.call(method, input, { credential: token, source: 'app' });
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.data as OutputOf<M>;
  }
  /** Calls a method that must fail and returns its error. */
  async function fails(method: string, input: unknown, token?: string): Promise<AppErrorShape> {
    const result = await core.call(method, input, { credential: token, source: 'app' });
    if (result.ok)
      throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(result.data)}`);
    return result.error;
  }
  return { ok, fails };
}

export const OWNER_PIN = '271828';

export const setupInput = {
  merchant: { name: '鲜果优选', code: 'xgyx-01' },
  store: { name: '鲜果优选 新街口店', districtCode: '320102', address: '中山路 18 号' },
  owner: { name: '王店主', pin: OWNER_PIN },
};

/** Runs the first-run wizard and logs the owner in. */
export async function initializedShop(options: Partial<CoreOptions> = {}) {
  const t = await testCore(options);
  const ids = await t.ok('setup.initialize', setupInput);
  const login = await t.ok('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN });
  return { ...t, ids, ownerToken: login.token };
}
