// A worker for test/unit/core/worker-job.test.ts: opens its connection the way every worker job
// does, then finishes, throws, exits or hangs as its task says.
import { startWorkerJob } from '../../src-main/core/platform/worker-job';

export interface FixtureTask {
  act: 'finish' | 'throw' | 'exit' | 'hang';
}

export type FixtureMessage =
  | { type: 'progress'; step: string }
  | { type: 'finished'; tables: number; mainWrites: number }
  | { type: 'failed' };

const { task, sqlite, mainWrites, post } = await startWorkerJob<FixtureTask, FixtureMessage>();
post({ type: 'progress', step: 'opened' });
const { n } = sqlite
  .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`)
  .get() as { n: number };
if (task.act === 'finish') {
  // The test holds a write on the main thread: the worker sees the same counter.
  post({ type: 'finished', tables: n, mainWrites: new Int32Array(mainWrites.buffer)[0]! });
} else if (task.act === 'throw') throw new Error('boom');
else if (task.act === 'exit') process.exit(3);
else setInterval(() => undefined, 1000);
sqlite.close();
