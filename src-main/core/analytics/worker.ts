// The analytics worker: rebuilds the rollup tables, or fills an empty shop with demo data (then
// rebuilds). Its own SQLite connection; posts progress to the main thread.
import { startWorkerJob } from '../platform/worker-job';
import { generateDemo } from './demo/generator';
import { rebuildRollups } from './rebuild';
import type { AnalyticsTask, AnalyticsWorkerMessage } from './worker-protocol';

const { task, sqlite, post } = await startWorkerJob<AnalyticsTask, AnalyticsWorkerMessage>();

try {
  let summary: Record<string, number> = {};
  if (task.kind === 'demo')
    summary = await generateDemo(
      sqlite,
      { days: task.days, seed: task.seed, now: task.now },
      (phase, done, total) => post({ type: 'progress', phase, done, total }),
    );
  const rebuilt = rebuildRollups(sqlite, ({ phase, done, total }) =>
    post({ type: 'progress', phase: `rollups.${phase}`, done, total }),
  );
  post({ type: 'finished', summary: { ...summary, ...rebuilt } });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
} finally {
  sqlite.close();
}
