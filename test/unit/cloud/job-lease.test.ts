import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JobLease } from '../../../src-cloud/jobs/lease';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  startCloud,
  type TestCloud,
} from '../../support/cloud';

// A periodic job (the task sweep) run by one node of a deployment at a time: the nodes share
// the database, and each round only the lease's holder runs it (issue 27).

describeOnEachBackend('job leases', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud?.close(), CLOUD_START_TIMEOUT_MS);

  it('one holder at a time; it keeps the lease each round; another takes over when it lapses', async () => {
    const deployment = `lease-${randomBytes(4).toString('hex')}`;
    const db = cloud.database.db;
    const [a, b] = [
      new JobLease(db, deployment, 'tasks.sweep'),
      new JobLease(db, deployment, 'tasks.sweep'),
    ];
    const t = 1_000_000;
    expect(await a.take(t, 120_000)).toBe(true);
    expect(await b.take(t + 1, 120_000)).toBe(false);
    // The holder renews each round, so the other never gets it while the holder sweeps.
    expect(await a.take(t + 60_000, 120_000)).toBe(true);
    expect(await b.take(t + 150_000, 120_000)).toBe(false);
    // The holder stopped: once its lease ran out, the other node takes the job over.
    expect(await b.take(t + 180_001, 120_000)).toBe(true);
    expect(await a.take(t + 180_002, 120_000)).toBe(false);
    // Another deployment's nodes, or another job, have leases of their own.
    expect(await new JobLease(db, `${deployment}-other`, 'tasks.sweep').take(t, 1)).toBe(true);
    expect(await new JobLease(db, deployment, 'other.job').take(t, 1)).toBe(true);
  });

  it('of many nodes asking at once, exactly one gets the lease', async () => {
    const deployment = `lease-${randomBytes(4).toString('hex')}`;
    const nodes = Array.from(
      { length: 50 },
      () => new JobLease(cloud.database.db, deployment, 'tasks.sweep'),
    );
    const won = await Promise.all(nodes.map((node) => node.take(5_000_000, 60_000)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });
});
