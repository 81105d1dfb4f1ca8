import { desc, eq } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { Audience, AudiencePreview } from '../../../src-shared/contract/outreach';
import { AUDIENCE_STRATA, type AudienceRules } from '../../../src-shared/outreach/audience';
import { maskPhone } from '../../../src-shared/phone';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import type { AudienceEngine } from './audience';
import { outreachAudiences } from './schema';

const SAMPLE = 8;

/** The live count while rules are edited, and the audiences a manager saved by name. */
export class AudiencesService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly engine: AudienceEngine,
    private readonly policy: () => { signature: string; capPer30Days: number },
    private readonly audit: AuditService,
  ) {}

  preview(rules: AudienceRules): AudiencePreview {
    const { members, asOf } = this.engine.select(rules, this.policy());
    const excluded = { noConsent: 0, suppressed: 0, frequencyCap: 0 };
    const byStratum = Object.fromEntries(AUDIENCE_STRATA.map((s) => [s, 0])) as Record<
      (typeof AUDIENCE_STRATA)[number],
      number
    >;
    for (const m of members) {
      byStratum[m.stratum]++;
      if (m.excluded) excluded[m.excluded]++;
    }
    // Those who may be texted first: the sample shows who the text would reach.
    const sample = [...members]
      .sort((a, b) => Number(a.excluded !== null) - Number(b.excluded !== null))
      .slice(0, SAMPLE)
      .map((m) => ({
        phoneMasked: maskPhone(m.phone),
        name: m.name,
        stratum: m.stratum,
        lastVisit: m.lastVisit,
      }));
    const out = excluded.noConsent + excluded.suppressed + excluded.frequencyCap;
    return {
      total: members.length,
      reachable: members.length - out,
      excluded,
      byStratum,
      sample,
      asOf,
    };
  }

  save(ctx: HandlerContext, input: ParsedInputOf<'audiences.save'>): Audience {
    const now = this.clock.now();
    return this.adb.write(() => {
      const id = input.id ?? newId();
      if (input.id) {
        const known = this.adb.db
          .select({ id: outreachAudiences.id })
          .from(outreachAudiences)
          .where(eq(outreachAudiences.id, input.id))
          .get();
        if (!known) throw new AppError('AUDIENCE_NOT_FOUND');
        this.adb.db
          .update(outreachAudiences)
          .set({ name: input.name, rules: input.rules, updatedAt: now })
          .where(eq(outreachAudiences.id, id))
          .run();
      } else
        this.adb.db
          .insert(outreachAudiences)
          .values({ id, name: input.name, rules: input.rules, createdAt: now, updatedAt: now })
          .run();
      this.audit.record(ctx, {
        action: 'audiences.save',
        targetType: 'audience',
        targetId: id,
        details: { name: input.name },
      });
      return this.adb.db
        .select()
        .from(outreachAudiences)
        .where(eq(outreachAudiences.id, id))
        .get()!;
    });
  }

  list(): Audience[] {
    return this.adb.db
      .select()
      .from(outreachAudiences)
      .orderBy(desc(outreachAudiences.updatedAt))
      .all();
  }
}
