import { eq } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import type { CodesGuard } from '../codes-guard/guard';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import type { StoresService } from '../stores/service';
import type { IssueService } from './issue';
import type { IssueLedger } from './issue-ledger';
import { coupons } from './schema';
import type { SigningKeys } from './signing-keys';
import type { TemplatesService } from './templates';
import { readCode } from './read-code';

/** Issuing and cancelling codes as staff do it, at the store they are working in. */
export class CouponsService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly ledger: IssueLedger,
    private readonly issuer: IssueService,
    private readonly stores: StoresService,
    private readonly keys: SigningKeys,
    private readonly templates: TemplatesService,
    private readonly codesGuard: CodesGuard,
  ) {}

  issue(ctx: HandlerContext, input: ParsedInputOf<'coupons.issue'>): OutputOf<'coupons.issue'> {
    const store = this.stores.ofCaller(ctx.actor);
    return this.issuer.issue(ctx, {
      templateId: input.templateId,
      count: input.count,
      phone: input.phone ?? null,
      storeId: store?.id ?? null,
      timeZone: store?.timezone ?? DEFAULT_TIME_ZONE,
    });
  }

  /** One code of each active template whose spend-X rule this sale meets, at this store. */
  issueForSale(
    ctx: HandlerContext,
    input: ParsedInputOf<'coupons.issueForSale'>,
  ): OutputOf<'coupons.issueForSale'> {
    const store = this.stores.ofCaller(ctx.actor);
    const earned = this.templates
      .list({ status: 'active' })
      .filter(
        (t) =>
          t.issueOnSpendFen !== null &&
          t.issueOnSpendFen <= input.saleTotalFen &&
          t.rule.type !== 'cashback' &&
          (!t.storeIds.length || (store !== null && t.storeIds.includes(store.id))),
      );
    const codes: OutputOf<'coupons.issueForSale'> = [];
    for (const template of earned) {
      try {
        const {
          codes: [code],
        } = this.issuer.issue(ctx, {
          templateId: template.id,
          count: 1,
          phone: input.phone ?? null,
          storeId: store?.id ?? null,
          timeZone: store?.timezone ?? DEFAULT_TIME_ZONE,
        });
        codes.push({ ...code!, templateId: template.id, templateName: template.name });
      } catch (error) {
        // A template at its issue limit or this customer's limit simply gives nothing more.
        if (!(error instanceof AppError)) throw error;
      }
    }
    return codes;
  }

  cancel(ctx: HandlerContext, input: ParsedInputOf<'coupons.cancel'>): OutputOf<'coupons.cancel'> {
    // "Not found" against "already redeemed" tells a real code from a fake: guarded like verify.
    this.codesGuard.assertMayLookUp(ctx);
    const reading = readCode(input.code, this.keys);
    const code = reading.ok ? reading.code : null;
    const cancelled = this.adb.write(() => {
      const coupon = code
        ? this.adb.db.select().from(coupons).where(eq(coupons.code, code)).get()
        : undefined;
      if (!coupon) return null;
      if (coupon.status === 'redeemed') throw new AppError('COUPON_ALREADY_REDEEMED');
      if (coupon.status !== 'cancelled') {
        this.ledger.cancel(ctx, coupon, input.reason, this.clock.now());
      }
      return { code: coupon.code, status: 'cancelled' as const };
    });
    if (cancelled) return cancelled;
    this.codesGuard.miss(ctx, 'coupons.cancel');
    throw new AppError('COUPON_NOT_FOUND');
  }
}
