import { and, count, eq } from 'drizzle-orm';
import type { OutputOf } from '../../../src-shared/contract';
import type { CouponTemplate, IssuedCode } from '../../../src-shared/contract/coupons';
import { displayCode } from '../../../src-shared/coupons/codes';
import { addDays, endOfLocalDay, localDate, startOfLocalDay } from '../../../src-shared/time';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import type { EventContext } from '../events/domain-events';
import type { IssueLedger } from './issue-ledger';
import { couponBatches, coupons } from './schema';
import type { SigningKeys } from './signing-keys';
import { signToken } from '../../../src-node/coupons/token';
import type { TemplatesService } from './templates';

/**
 * When a code issued at `issuedAt` may be used: a fixed window, or the day of issue through the
 * end of the local day N − 1 days later. Days are those of the store's zone.
 */
export function codeValidity(template: CouponTemplate, issuedAt: number, timeZone: string) {
  if (template.validity.kind === 'fixed')
    return {
      validFrom: startOfLocalDay(template.validity.startDate, timeZone),
      validUntil: endOfLocalDay(template.validity.endDate, timeZone),
    };
  const firstDay = localDate(issuedAt, timeZone);
  return {
    validFrom: issuedAt,
    validUntil: endOfLocalDay(addDays(firstDay, template.validity.days - 1), timeZone),
  };
}

export interface IssueRequest {
  templateId: string;
  count: number;
  phone?: string | null;
  storeId: string | null;
  timeZone: string;
}

export class IssueService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly ledger: IssueLedger,
    private readonly templates: TemplatesService,
    private readonly keys: SigningKeys,
  ) {}

  describe(code: string, templateId: string, validFrom: number, validUntil: number): IssuedCode {
    return {
      code,
      display: displayCode(code),
      qrPayload: this.qrPayload(code, templateId, validUntil),
      validFrom,
      validUntil,
    };
  }

  /** The QR payload of a code, signed with the merchant's current key. */
  qrPayload(code: string, templateId: string, validUntil: number): string {
    const { kid, secret } = this.keys.current();
    return signToken({ kid, code, templateId, validUntil }, secret);
  }

  issue(ctx: HandlerContext, request: IssueRequest): OutputOf<'coupons.issue'> {
    const batchId = newId();
    const issued = this.adb.write(() => {
      const result = this.issueWithin(ctx, request, batchId);
      // Recorded as a finished batch too, so these codes can be listed and exported later.
      const now = this.clock.now();
      this.adb.db
        .insert(couponBatches)
        .values({
          id: batchId,
          templateId: request.templateId,
          requested: request.count,
          issued: request.count,
          status: 'done',
          storeId: request.storeId,
          createdBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
          createdAt: now,
          finishedAt: now,
        })
        .run();
      this.audit.record(ctx, {
        action: 'coupons.issue',
        targetType: 'couponTemplate',
        targetId: request.templateId,
        details: { count: request.count, batchId, phone: request.phone ?? undefined },
      });
      return result;
    });
    // Signing is the slow part of issuing (an HMAC each); it happens outside the write lock.
    return {
      batchId,
      codes: issued.map((c) =>
        this.describe(c.code, request.templateId, c.validFrom, c.validUntil),
      ),
    };
  }

  /** Refuses an issue the template does not allow: not active, cashback, or over a limit. */
  assertCanIssue(template: CouponTemplate, quantity: number, phone: string | null): void {
    if (template.status !== 'active')
      throw new AppError('TEMPLATE_NOT_ACTIVE', { status: template.status });
    // Cashback codes are made one per sale, bound to product and terminal (cashback.requestCode).
    if (template.rule.type === 'cashback')
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: ['templateId'], message: 'validation.cashbackPerSale' }],
      });
    if (
      template.totalIssueLimit !== null &&
      template.issuedCount + quantity > template.totalIssueLimit
    )
      throw new AppError('ISSUE_LIMIT_REACHED', {
        remaining: Math.max(0, template.totalIssueLimit - template.issuedCount),
      });
    if (phone && template.perCustomerLimit !== null) {
      const held = this.adb.db
        .select({ n: count() })
        .from(coupons)
        .where(and(eq(coupons.customerPhone, phone), eq(coupons.templateId, template.id)))
        .get()!.n;
      if (held + quantity > template.perCustomerLimit)
        throw new AppError('CUSTOMER_ISSUE_LIMIT_REACHED', { limit: template.perCustomerLimit });
    }
  }

  /**
   * Checks the template's limits and writes `count` codes; call inside a write. Limits are read
   * under the write lock, so two tills issuing at once cannot pass a limit together.
   */
  issueWithin(
    ctx: EventContext,
    request: IssueRequest,
    batchId: string,
  ): { code: string; validFrom: number; validUntil: number }[] {
    const template = this.templates.get(request.templateId);
    this.assertCanIssue(template, request.count, request.phone ?? null);
    const now = this.clock.now();
    const { validFrom, validUntil } = codeValidity(template, now, request.timeZone);
    const written = this.ledger.issue(ctx, {
      templateId: template.id,
      templateVersion: template.version,
      codeFormat: template.codeFormat,
      count: request.count,
      batchId,
      storeId: request.storeId,
      phone: request.phone ?? null,
      validFrom,
      validUntil,
      issuedAt: now,
    });
    return written.map((code) => ({ code, validFrom, validUntil }));
  }
}
