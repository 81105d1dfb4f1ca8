import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { Redemption } from '../../../src-shared/contract/redemption';
import { displayCode } from '../../../src-shared/coupons/codes';
import { couponTemplates, redemptions } from '../coupons/schema';
import { readCode } from '../coupons/read-code';
import type { SigningKeys } from '../coupons/signing-keys';
import type { AppDatabase } from '../db/database';
import type { Drizzle } from '../db/open';
import type { RedemptionRow } from '../events/catalogue';
import { staff } from '../staff/schema';
import { stores, terminals } from '../stores/schema';
import { syncedStaff } from '../sync/schema';

/** Names by id, prepared once per connection. */
const byId = sql.placeholder('id');
const nameQueries = (db: Drizzle) => ({
  storeName: db.select({ name: stores.name }).from(stores).where(eq(stores.id, byId)).prepare(),
  terminalCode: db
    .select({ code: terminals.code })
    .from(terminals)
    .where(eq(terminals.id, byId))
    .prepare(),
  // Staff of this PC, or of another PC of the merchant (redemptions pulled from other stores).
  staffName: db
    .select({ name: sql<string>`coalesce(${staff.name}, ${syncedStaff.name})` })
    .from(sql`(select ${byId} as id) as wanted`)
    .leftJoin(staff, sql`${staff.id} = wanted.id`)
    .leftJoin(syncedStaff, sql`${syncedStaff.id} = wanted.id`)
    .prepare(),
  templateName: db
    .select({ name: couponTemplates.name })
    .from(couponTemplates)
    .where(eq(couponTemplates.id, byId))
    .prepare(),
});

/** Redemptions as the history and the till show them: with store, till, staff and campaign names. */
export class RedemptionReadModel {
  private readonly queries: ReturnType<typeof nameQueries>;

  constructor(
    private readonly adb: AppDatabase,
    private readonly keys: SigningKeys,
    /** How long after a redemption a manager may void it (the ledger refuses later). */
    private readonly voidWindowMs: number,
  ) {
    this.queries = nameQueries(adb.db);
  }

  list(input: ParsedInputOf<'redemption.list'>): OutputOf<'redemption.list'> {
    const filters: SQL[] = [];
    if (input.from !== undefined) filters.push(gte(redemptions.createdAt, input.from));
    if (input.to !== undefined) filters.push(lte(redemptions.createdAt, input.to));
    if (input.storeId) filters.push(eq(redemptions.storeId, input.storeId));
    if (input.staffId) filters.push(eq(redemptions.staffId, input.staffId));
    if (input.templateId) filters.push(eq(redemptions.templateId, input.templateId));
    if (input.status) filters.push(eq(redemptions.status, input.status));
    if (input.code) {
      const reading = readCode(input.code, this.keys);
      filters.push(eq(redemptions.code, reading.ok ? reading.code : input.code));
    }
    if (input.before) filters.push(lt(redemptions.id, input.before));
    const rows = this.adb.db
      .select()
      .from(redemptions)
      .where(and(...filters))
      .orderBy(desc(redemptions.id))
      .limit(input.limit + 1)
      .all();
    const items = rows.slice(0, input.limit);
    return {
      items: this.toRedemptions(items),
      nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null,
      voidWindowMinutes: Math.round(this.voidWindowMs / 60_000),
    };
  }

  toRedemption(row: RedemptionRow): Redemption {
    return this.toRedemptions([row])[0]!;
  }

  /** A redemption just made: the names the till has at hand (by id) are not read again. */
  fresh(row: RedemptionRow, known: Map<string, string>): Redemption {
    return this.toRedemptions([row], known)[0]!;
  }

  toRedemptions(rows: RedemptionRow[], known = new Map<string, string>()): Redemption[] {
    // Names by id through prepared lookups, each id once: pages hold few stores, staff, templates.
    const memo = <T>(lookup: (id: string) => T) => {
      const seen = new Map<string, T | string>(known);
      return (id: string) => {
        if (!seen.has(id)) seen.set(id, lookup(id));
        return seen.get(id) as T;
      };
    };
    const q = this.queries;
    const storeName = memo((id) => q.storeName.get({ id })?.name ?? '');
    const terminalCode = memo((id) => q.terminalCode.get({ id })?.code ?? null);
    const staffName = memo((id) => q.staffName.get({ id })?.name ?? null);
    const templateName = memo((id) => q.templateName.get({ id })?.name ?? '');
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      display: displayCode(row.code),
      templateId: row.templateId,
      templateName: templateName(row.templateId),
      storeId: row.storeId,
      storeName: storeName(row.storeId),
      terminalId: row.terminalId,
      terminalCode: row.terminalId ? terminalCode(row.terminalId) : null,
      staffId: row.staffId,
      staffName: row.staffId ? staffName(row.staffId) : null,
      customerPhone: row.customerPhone,
      subtotalFen: row.subtotalFen,
      discountFen: row.discountFen,
      gift: row.gift ?? null,
      status: row.status,
      createdAt: row.createdAt,
      voidedAt: row.voidedAt,
      voidedByName: row.voidedBy ? staffName(row.voidedBy) : null,
      voidReason: row.voidReason,
      voidableUntil: row.status === 'completed' ? row.createdAt + this.voidWindowMs : null,
    }));
  }
}
