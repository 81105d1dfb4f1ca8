import { smsSuppressedSchema } from '../../../src-shared/sync/outreach';
import type { AppDatabase } from '../db/database';
import { smsSuppressions } from './schema';

/**
 * The owner of the suppression list on this PC: the cloud decides a suppression (an unsubscribe
 * reply to a text) and every PC applies it from the pull (`sms.suppressed`), so the audience
 * counts and the campaign checker leave that phone out under that signature. Idempotent.
 */
export class SuppressionLedger {
  constructor(private readonly adb: AppDatabase) {}

  applyRemote(payload: unknown): void {
    const parsed = smsSuppressedSchema.safeParse(payload);
    // A payload this version cannot read is kept in the log and skipped here, never half-applied.
    if (!parsed.success) return;
    const { phoneHash, signature, reason, at } = parsed.data;
    this.adb.db
      .insert(smsSuppressions)
      .values({ phoneHash, signature, reason, at })
      .onConflictDoNothing()
      .run();
  }
}
