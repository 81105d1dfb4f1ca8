// `npm run demo -- --data-dir <dir> [--days 180] [--seed 20261121]`: a realistic demo merchant in
// a shop database (created and set up first when the folder is empty), rollups built at the end.
// The same generator fills an empty shop from the dashboard (demo.generate) and feeds the bench.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../src-main/core';
import { generateDemo, DEMO_STAFF_PIN } from '../../src-main/core/analytics/demo/generator';
import { rebuildRollups } from '../../src-main/core/analytics/rebuild';
import { createMemoryLogger } from '../../src-node/logger';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    days: { type: 'string', default: '180' },
    seed: { type: 'string', default: '20261121' },
  },
});
if (!values['data-dir']) {
  console.error('usage: npm run demo -- --data-dir <dir> [--days 180] [--seed 20261121]');
  process.exit(2);
}
const dataDir = path.resolve(values['data-dir']);
const core = await createCore({ dataDir, logger: createMemoryLogger() });
try {
  const status = await core.call('setup.status', {}, { source: 'app' });
  if (status.ok && !(status.data as { initialized: boolean }).initialized) {
    const setup = await core.call(
      'setup.initialize',
      {
        merchant: { name: '演示便利连锁', code: 'DEMO' },
        store: { name: '演示总店', districtCode: '320102' },
        owner: { name: '演示店主', pin: DEMO_STAFF_PIN },
      },
      { source: 'app' },
    );
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));
    console.log(`shop set up; owner PIN ${DEMO_STAFF_PIN} (every demo staff member has it too)`);
  }
  const started = performance.now();
  const summary = await generateDemo(
    core.sqlite,
    { days: Number(values.days), seed: Number(values.seed), now: Date.now() },
    (phase, done, total) => {
      if (done === total || done % 30 === 0) process.stdout.write(`\r${phase} ${done}/${total}`);
    },
  );
  const generatedMs = performance.now() - started;
  const rebuilt = rebuildRollups(core.sqlite);
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  console.log(
    `\n${JSON.stringify({ ...summary, rollupRows: rebuilt.rollupRows, generateSeconds: seconds(generatedMs), rebuildSeconds: seconds(rebuilt.ms) })}`,
  );
} finally {
  core.close();
}
