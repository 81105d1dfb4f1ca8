import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteIntent } from '../../../src-main/core/db/database';
import { createMemoryLogger } from '../../../src-node/logger';
import { launchWorkerJob, type WorkerJobEnd } from '../../../src-main/core/platform/worker-job';
import type { FixtureMessage, FixtureTask } from '../../support/worker-job-fixture';
import { tempDir } from '../../support/core';

/** Launches the fixture worker and collects what the launcher reports. */
function launch(act: FixtureTask['act'], writeIntent = new WriteIntent()) {
  const logger = createMemoryLogger();
  const progress: string[] = [];
  const ends: WorkerJobEnd<FixtureMessage>[] = [];
  const job = launchWorkerJob<FixtureTask, FixtureMessage>({
    script: {
      bundle: 'worker-job-fixture',
      source: '../../support/worker-job-fixture.ts',
      caller: import.meta.url,
    },
    task: { act },
    database: { databaseFile: path.join(tempDir(), 'shop.db') },
    writeIntent,
    logger,
    onProgress: (message) => progress.push(message.step),
    onEnd: (end) => ends.push(end),
  });
  return { job, logger, progress, ends };
}

describe('worker jobs', () => {
  it('open their own migrated connection, share the write counter, relay progress, end once', async () => {
    const writes = new WriteIntent();
    writes.begin();
    const { job, progress, ends } = launch('finish', writes);
    await job.ended;
    await job.exited;
    expect(progress).toEqual(['opened']);
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ type: 'finished', mainWrites: 1 });
    expect((ends[0] as { tables: number }).tables).toBeGreaterThan(10);
  });

  it('report an uncaught error as a crash, logged', async () => {
    const { job, ends, logger } = launch('throw');
    await job.exited;
    expect(ends).toEqual([{ type: 'crashed', reason: 'boom' }]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'worker crashed' }),
    );
  });

  it('report an exit without a last word, and a terminated worker, as EXITED', async () => {
    const exited = launch('exit');
    await exited.job.exited;
    expect(exited.ends).toEqual([{ type: 'crashed', reason: 'EXITED' }]);

    const hung = launch('hang');
    await new Promise<void>((resolve) => {
      const wait = () => (hung.progress.length ? resolve() : setTimeout(wait, 20));
      wait();
    });
    hung.job.terminate();
    await hung.job.ended;
    expect(hung.ends).toEqual([{ type: 'crashed', reason: 'EXITED' }]);
  });
});
