import type { Logger } from '../../../src-node/logger';
import { schedulePasses } from '../platform/passes';
import type { PointsService } from '../points/service';
import type { MemberCoupons } from './coupons';
import type { LevelsService } from './levels';

/**
 * The members' daily work: points past expiry, birthday coupons due, levels due for review.
 * Each pass is idempotent and uses the core's clock, so it runs at start-up (a PC that was off
 * catches up) and every few hours without doing anything twice.
 */
export function scheduleMemberJobs(
  logger: Logger,
  jobs: { points: PointsService; memberCoupons: MemberCoupons; levels: LevelsService },
  { firstMs = 15_000, everyMs = 3 * 60 * 60 * 1000 } = {},
) {
  const run = () => {
    try {
      logger.info('member jobs', runMemberJobs(jobs));
    } catch (error) {
      logger.error('member jobs failed', { error });
    }
  };
  return schedulePasses(run, { firstMs, everyMs });
}

/** One pass of every member job at the clock's now. */
export function runMemberJobs(jobs: {
  points: PointsService;
  memberCoupons: MemberCoupons;
  levels: LevelsService;
}) {
  return {
    expiredLots: jobs.points.expireDue(),
    birthdayCoupons: jobs.memberCoupons.birthdayPass(),
    levelCoupons: jobs.memberCoupons.levelMonthPass(jobs.levels.list()),
    levelsDown: jobs.levels.review(),
  };
}
