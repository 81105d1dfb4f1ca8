// A StoreDesk process that pushes its outbox and is killed by the parent test in the middle.
// Run with `node --import tsx test/support/sync-process.ts <dataDir>`; prints "pushing" once
// the round has started.
import { createCore } from '../../src-main/core';
import { createMemoryLogger } from '../../src-node/logger';
import { testSyncConfig } from './sync';

const [dataDir] = process.argv.slice(2);
const core = await createCore({
  dataDir: dataDir!,
  logger: createMemoryLogger(),
  config: { sync: testSyncConfig({ batchSize: 20, requestTimeoutMs: 60_000 }) },
});
console.log('pushing');
await core.services.sync.syncNow();
console.log('done');
await core.close();
