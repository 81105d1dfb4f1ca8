// One till process of the crash bench (bench/crash.bench.ts): opens the shop's database file
// and redeems the codes listed in a file, one by one, printing `ok <code> <redemptionId>` the
// moment each redemption is answered. stdout to a pipe is synchronous on Linux, so a line the
// parent has read is a redemption the till was told succeeded, whenever the kill comes.
//
//   node --import tsx bench/crash/redeemer.ts <dataDir> <token> <storeId> <keyPrefix> <codesFile>
import fs from 'node:fs';
import { createCore } from '../../src-main/core';
import { createMemoryLogger } from '../../src-node/logger';

const [dataDir, token, storeId, keyPrefix, codesFile] = process.argv.slice(2);
const codes = JSON.parse(fs.readFileSync(codesFile!, 'utf8')) as string[];
const core = await createCore({
  dataDir: dataDir!,
  logger: createMemoryLogger(),
  config: { analytics: { warmUpDelayMs: null } },
});
process.stdout.write('ready\n');
for (const code of codes) {
  const result = await core.call(
    'redemption.redeem',
    // The same key for the same code and till across restarts: a retry after a crash must
    // answer the redemption it made, not make a second one.
    { code, order: { subtotalFen: 12000 }, idempotencyKey: `${keyPrefix}-${code}`, storeId },
    { credential: token, source: 'http' },
  );
  if (result.ok)
    process.stdout.write(
      `ok ${code} ${(result.data as { redemption: { id: string } }).redemption.id}\n`,
    );
  else process.stdout.write(`refused ${code} ${result.error.code}\n`);
}
await core.close();
process.stdout.write('done\n');
