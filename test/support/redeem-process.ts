// A second StoreDesk process on the same database file: redeems the given codes and prints how
// many it won. Run with
// `node --import tsx test/support/redeem-process.ts <dataDir> <nowMs> <token> <prefix> <codes…>`.
import { createCore } from '../../src-main/core';
import { ManualClock } from '../../src-node/clock';
import { createMemoryLogger } from '../../src-node/logger';

const [dataDir, nowMs, token, prefix, ...codes] = process.argv.slice(2);
// The parent test runs on a manual clock; this process keeps the same time.
const clock = new ManualClock(Number(nowMs));
const core = await createCore({ dataDir: dataDir!, clock, logger: createMemoryLogger() });
// Say ready, then wait for "go" on stdin so both processes redeem at the same time.
console.log('ready');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const startedAt = Date.now();
let won = 0;
const refused: Record<string, number> = {};
for (const code of codes) {
  const result = await core.call(
    'redemption.redeem',
    { code, order: { subtotalFen: 12000 }, idempotencyKey: `${prefix}-${code}` },
    { credential: token, source: 'http' },
  );
  if (result.ok) won++;
  else refused[result.error.code] = (refused[result.error.code] ?? 0) + 1;
}
const endedAt = Date.now();
await core.close();
console.log(JSON.stringify({ won, refused, startedAt, endedAt }));
