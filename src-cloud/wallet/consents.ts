import { and, desc, eq } from 'drizzle-orm';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import {
  CONSUMER_CONSENT_PURPOSES,
  type ConsumerConsentPurpose,
} from '../../src-shared/sync/wallet';
import type { CloudDb } from '../db/open';
import { forgetPlace } from './places';
import { consumerConsents } from './schema';

export type ConsentAnswers = Record<ConsumerConsentPurpose, boolean | null>;

/**
 * The consumer's consents per purpose (PIPL): every answer is a row with its time, source and
 * the text shown; the latest answer per purpose counts, and may withdraw an earlier one.
 */
export class ConsumerConsents {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
  ) {}

  async record(
    merchantId: string,
    phone: string,
    answers: Record<ConsumerConsentPurpose, boolean>,
    textShown: string,
  ): Promise<void> {
    const at = this.clock.now();
    await this.db.insert(consumerConsents).values(
      CONSUMER_CONSENT_PURPOSES.map((purpose) => ({
        id: newId(),
        merchantId,
        phone,
        purpose,
        granted: answers[purpose],
        source: 'wallet',
        textShown,
        at,
      })),
    );
    if (!answers.location) await forgetPlace(this.db, merchantId, phone);
  }

  /** The latest answer per purpose; null: never asked. */
  async latest(merchantId: string, phone: string): Promise<ConsentAnswers> {
    const answers = Object.fromEntries(
      CONSUMER_CONSENT_PURPOSES.map((p) => [p, null]),
    ) as ConsentAnswers;
    const rows = await this.db
      .selectDistinctOn([consumerConsents.purpose], {
        purpose: consumerConsents.purpose,
        granted: consumerConsents.granted,
      })
      .from(consumerConsents)
      .where(and(eq(consumerConsents.merchantId, merchantId), eq(consumerConsents.phone, phone)))
      .orderBy(consumerConsents.purpose, desc(consumerConsents.at), desc(consumerConsents.id));
    for (const row of rows)
      if ((CONSUMER_CONSENT_PURPOSES as readonly string[]).includes(row.purpose))
        answers[row.purpose as ConsumerConsentPurpose] = row.granted;
    return answers;
  }
}
