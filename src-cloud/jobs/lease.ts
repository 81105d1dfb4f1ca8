import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CloudDb } from '../db/open';

/**
 * A periodic job that one node of a deployment runs at a time: each round, a node takes (or
 * keeps) the job's lease for `ttlMs` in one upsert; a node that does not get it skips the
 * round. A node that dies leaves the lease to expire, and another takes the job over.
 */
export class JobLease {
  /** This node's name as a holder (a process-wide random id). */
  private readonly holder = randomUUID();

  constructor(
    private readonly db: CloudDb,
    private readonly deployment: string,
    private readonly job: string,
  ) {}

  /** True when this node holds the lease until `now + ttlMs`. */
  async take(now: number, ttlMs: number): Promise<boolean> {
    const result = await this.db.execute(sql`
      insert into job_leases (deployment, job, holder, until)
      values (${this.deployment}, ${this.job}, ${this.holder}, ${now + ttlMs}::bigint)
      on conflict (deployment, job) do update set holder = excluded.holder, until = excluded.until
      where job_leases.holder = excluded.holder or job_leases.until < ${now}::bigint
      returning holder`);
    return (result as unknown as { rows: unknown[] }).rows.length > 0;
  }
}
