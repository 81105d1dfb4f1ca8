import { and, desc, eq, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import {
  TEMPLATE_STATUS_TRANSITIONS,
  type CouponTemplate,
  type TemplateChangeRefusal,
  type TemplateRule,
} from '../../../src-shared/contract/coupons';
import type { CouponScope } from '../../../src-shared/coupons/pricing';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { Drizzle } from '../db/open';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext, StaffActor } from '../platform/context';
import { newId } from '../../../src-node/ids';
import type { OutboxService } from '../outbox/service';
import type { ProductsService } from '../products/service';
import { couponTemplates, couponTemplateVersions } from './schema';

type TemplateRow = typeof couponTemplates.$inferSelect;
type Status = TemplateRow['status'];
type Fields = ParsedInputOf<'coupons.createTemplate'>;

export interface VersionRule {
  rule: TemplateRule;
  scope: CouponScope;
  stackable: boolean;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Queries on the hot path, prepared once per connection. */
const templateQueries = (db: Drizzle) => ({
  byId: db
    .select()
    .from(couponTemplates)
    .where(eq(couponTemplates.id, sql.placeholder('id')))
    .prepare(),
});

export class TemplatesService {
  private readonly queries: ReturnType<typeof templateQueries>;

  /** Versions never change once written, so they are cached for the hot redemption path. */
  private readonly versions = new Map<string, VersionRule>();

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly products: ProductsService,
    private readonly outbox: OutboxService,
  ) {
    this.queries = templateQueries(adb.db);
  }

  /**
   * Tells the merchant's other tills (through the cloud) the template as it now is, with every
   * money-rule version, so codes issued here can be verified and priced there. Counters are
   * each till's own and are left out.
   */
  private announce(id: string): void {
    const {
      issuedCount: _i,
      redeemedCount: _r,
      redeemedFen: _f,
      claimedCount: _c,
      ...template
    } = this.row(id);
    const versions = this.adb.db
      .select()
      .from(couponTemplateVersions)
      .where(eq(couponTemplateVersions.templateId, id))
      .all();
    this.outbox.add('templates.changed', id, { template, versions });
  }

  /**
   * A template as another PC of the merchant now has it (pulled by sync), with its money-rule
   * versions. This till's own counters stay; everything else follows the store that changed it.
   */
  applyRemote(template: TemplateRow, versions: (typeof couponTemplateVersions.$inferSelect)[]) {
    const {
      issuedCount: _i,
      redeemedCount: _r,
      redeemedFen: _f,
      claimedCount: _c,
      ...fields
    } = template;
    this.adb.db
      .insert(couponTemplates)
      .values({ ...fields, issuedCount: 0, redeemedCount: 0, redeemedFen: 0, claimedCount: 0 })
      .onConflictDoUpdate({ target: couponTemplates.id, set: fields })
      .run();
    for (const version of versions)
      this.adb.db.insert(couponTemplateVersions).values(version).onConflictDoNothing().run();
  }

  list(filter: ParsedInputOf<'coupons.listTemplates'>): CouponTemplate[] {
    return this.adb.db
      .select()
      .from(couponTemplates)
      .where(
        and(
          filter.status ? eq(couponTemplates.status, filter.status) : undefined,
          filter.type ? eq(couponTemplates.type, filter.type as TemplateRow['type']) : undefined,
        ),
      )
      .orderBy(desc(couponTemplates.createdAt), desc(couponTemplates.id))
      .all()
      .map((row) => this.toTemplate(row));
  }

  row(id: string): TemplateRow {
    const row = this.queries.byId.get({ id });
    if (!row) throw new AppError('TEMPLATE_NOT_FOUND', { id });
    return row;
  }

  get(id: string): CouponTemplate {
    return this.toTemplate(this.row(id));
  }

  version(templateId: string, version: number): VersionRule {
    const key = `${templateId}:${version}`;
    let cached = this.versions.get(key);
    if (!cached) {
      const row = this.adb.db
        .select()
        .from(couponTemplateVersions)
        .where(
          and(
            eq(couponTemplateVersions.templateId, templateId),
            eq(couponTemplateVersions.version, version),
          ),
        )
        .get();
      if (!row) throw new AppError('TEMPLATE_NOT_FOUND', { id: templateId, version });
      cached = { rule: row.rule, scope: row.scope, stackable: row.stackable };
      this.versions.set(key, cached);
    }
    return cached;
  }

  create(ctx: HandlerContext & { actor: StaffActor }, input: Fields): CouponTemplate {
    this.checkFields(input);
    return this.adb.write(() => {
      const now = this.clock.now();
      const id = newId();
      this.adb.db
        .insert(couponTemplates)
        .values({
          id,
          type: input.rule.type,
          status: 'draft',
          version: 1,
          ...this.columns(input),
          createdBy: ctx.actor.staffId,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      this.writeVersion(id, 1, input);
      this.audit.record(ctx, {
        action: 'coupons.createTemplate',
        targetType: 'couponTemplate',
        targetId: id,
        details: { name: input.name, type: input.rule.type },
      });
      this.announce(id);
      this.adb.emitAfterCommit('coupons.templateChanged', { templateId: id });
      return this.get(id);
    });
  }

  update(ctx: HandlerContext, input: ParsedInputOf<'coupons.updateTemplate'>): CouponTemplate {
    return this.adb.write(() => {
      const before = this.get(input.id);
      const { id: _id, ...changes } = input;
      const next: Fields = { ...before, ...changes };
      this.checkFields(next);
      const issued = before.issuedCount > 0;
      if (issued) this.refuseHarmfulChanges(before, next);

      const moneyChanged =
        !sameJson(before.rule, next.rule) ||
        !sameJson(before.scope, next.scope) ||
        before.stackable !== next.stackable;
      let version = before.version;
      if (moneyChanged && issued) {
        // Codes already out keep the rule they were issued under.
        version += 1;
        this.writeVersion(before.id, version, next);
      } else if (moneyChanged) {
        this.adb.db
          .delete(couponTemplateVersions)
          .where(
            and(
              eq(couponTemplateVersions.templateId, before.id),
              eq(couponTemplateVersions.version, version),
            ),
          )
          .run();
        this.versions.delete(`${before.id}:${version}`);
        this.writeVersion(before.id, version, next);
      }
      this.adb.db
        .update(couponTemplates)
        .set({ ...this.columns(next), type: next.rule.type, version, updatedAt: this.clock.now() })
        .where(eq(couponTemplates.id, before.id))
        .run();
      this.audit.record(ctx, {
        action: 'coupons.updateTemplate',
        targetType: 'couponTemplate',
        targetId: before.id,
        details: {
          name: next.name,
          fields: Object.keys(changes),
          newVersion: version !== before.version ? version : undefined,
        },
      });
      this.announce(before.id);
      this.adb.emitAfterCommit('coupons.templateChanged', { templateId: before.id });
      return this.get(before.id);
    });
  }

  setStatus(ctx: HandlerContext, id: string, status: Status): CouponTemplate {
    return this.adb.write(() => {
      const before = this.row(id);
      if (before.status === status) return this.toTemplate(before);
      if (!TEMPLATE_STATUS_TRANSITIONS[before.status].includes(status))
        throw new AppError('INVALID_STATUS_CHANGE', { from: before.status, to: status });
      this.adb.db
        .update(couponTemplates)
        .set({ status, updatedAt: this.clock.now() })
        .where(eq(couponTemplates.id, id))
        .run();
      this.audit.record(ctx, {
        action: 'coupons.setTemplateStatus',
        targetType: 'couponTemplate',
        targetId: id,
        details: { name: before.name, from: before.status, to: status },
      });
      this.announce(id);
      this.adb.emitAfterCommit('coupons.templateChanged', { templateId: id });
      return this.get(id);
    });
  }

  /** Refuses edits that would take something away from people who already hold codes. */
  private refuseHarmfulChanges(before: CouponTemplate, next: Fields) {
    const refuse = (reason: TemplateChangeRefusal) => {
      throw new AppError('TEMPLATE_CHANGE_REFUSED', { reason });
    };
    if (before.rule.type !== next.rule.type) refuse('TYPE_CHANGED');
    const was = before.validity;
    const now = next.validity;
    if (was.kind !== now.kind) refuse('VALIDITY_KIND_CHANGED');
    if (
      was.kind === 'fixed' &&
      now.kind === 'fixed' &&
      (now.startDate > was.startDate || now.endDate < was.endDate)
    )
      refuse('VALIDITY_SHRUNK');
    // An empty list means every store.
    const narrowsStores =
      next.storeIds.length > 0 &&
      (before.storeIds.length === 0 || before.storeIds.some((s) => !next.storeIds.includes(s)));
    if (narrowsStores) refuse('STORES_NARROWED');
    if (
      before.perCustomerLimit !== null &&
      (next.perCustomerLimit ?? Infinity) < before.perCustomerLimit
    )
      refuse('CUSTOMER_LIMIT_SHRUNK');
  }

  private checkFields(input: Fields) {
    const { rule, validity } = input;
    if (rule.type === 'item') {
      const product = this.products.get(rule.productId);
      if (rule.mode === 'price' && rule.priceFen === null)
        throw invalid(['rule', 'priceFen'], 'validation.required');
      // A "special price" at or above the shelf price takes nothing off: a typo, not an offer.
      if (rule.mode === 'price' && rule.priceFen !== null && rule.priceFen >= product.priceFen)
        throw invalid(['rule', 'priceFen'], 'validation.priceNotBelowShelf');
      if (rule.mode === 'percent' && rule.payPermille === null)
        throw invalid(['rule', 'payPermille'], 'validation.required');
    }
    if (rule.type === 'gift') this.products.get(rule.giftProductId);
    for (const productId of input.scope.productIds) this.products.get(productId);
    if (validity.kind === 'fixed' && validity.endDate < validity.startDate)
      throw invalid(['validity', 'endDate'], 'validation.endBeforeStart');
  }

  private columns(input: Fields) {
    return {
      name: input.name,
      description: input.description,
      validityKind: input.validity.kind,
      validStartDate: input.validity.kind === 'fixed' ? input.validity.startDate : null,
      validEndDate: input.validity.kind === 'fixed' ? input.validity.endDate : null,
      validDays: input.validity.kind === 'relative' ? input.validity.days : null,
      storeIds: input.storeIds,
      perCustomerLimit: input.perCustomerLimit,
      totalIssueLimit: input.totalIssueLimit,
      budgetCount: input.budgetCount,
      budgetFen: input.budgetFen,
      shareMode: input.share.mode,
      maxShares: input.share.maxShares,
      shareMaxHops: input.share.maxHops,
      issueOnSpendFen: input.issueOnSpendFen,
      codeFormat: input.codeFormat,
    };
  }

  private writeVersion(templateId: string, version: number, input: Fields) {
    this.adb.db
      .insert(couponTemplateVersions)
      .values({
        templateId,
        version,
        rule: input.rule,
        scope: input.scope,
        stackable: input.stackable,
        createdAt: this.clock.now(),
      })
      .run();
  }

  private toTemplate(row: TemplateRow): CouponTemplate {
    const { rule, scope, stackable } = this.version(row.id, row.version);
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      type: row.type,
      status: row.status,
      version: row.version,
      rule,
      scope,
      stackable,
      validity:
        row.validityKind === 'fixed'
          ? { kind: 'fixed', startDate: row.validStartDate!, endDate: row.validEndDate! }
          : { kind: 'relative', days: row.validDays! },
      storeIds: row.storeIds,
      perCustomerLimit: row.perCustomerLimit,
      totalIssueLimit: row.totalIssueLimit,
      budgetCount: row.budgetCount,
      budgetFen: row.budgetFen,
      share: { mode: row.shareMode, maxShares: row.maxShares, maxHops: row.shareMaxHops },
      issueOnSpendFen: row.issueOnSpendFen,
      codeFormat: row.codeFormat,
      issuedCount: row.issuedCount,
      redeemedCount: row.redeemedCount,
      redeemedFen: row.redeemedFen,
      claimedCount: row.claimedCount,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}

const invalid = (path: string[], message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, message }] });
