// Every domain event of the shop's ledgers, in one place: what happened, with the facts its
// subscribers need. A ledger's owner records them inside its write (see domain-events.ts); the
// rollups, the outbox rows, the audit entries and the pushes to the UI follow from them, so no
// write path can forget one. Names are facts in the past tense.
import type { cashbackCodes, couponTemplates, coupons, redemptions } from '../coupons/schema';
import type { saleLines, saleRefunds, sales, saleTenders } from '../sales/schema';
import type { stockMovements } from '../stock/schema';
import type { dayCloses, shifts } from '../till/schema';
import type {
  memberConsentLog,
  memberLevelHistory,
  memberMerges,
  members,
} from '../members/schema';
import type { pointLots, pointMovements } from '../points/schema';
import type { publishedStrategies } from '../strategies/schema';
import type { claimIssuances, storeDefaultCoupons } from '../claims/schema';

export type RedemptionRow = typeof redemptions.$inferSelect;
export type CouponRow = typeof coupons.$inferSelect;
export type CashbackRow = typeof cashbackCodes.$inferSelect;
export type SaleRow = typeof sales.$inferSelect;
export type SaleLineRow = typeof saleLines.$inferSelect;
export type SaleTenderRow = typeof saleTenders.$inferSelect;
export type SaleRefundRow = typeof saleRefunds.$inferSelect;
export type MovementRow = typeof stockMovements.$inferSelect;
export type TemplateRow = typeof couponTemplates.$inferSelect;
export type ShiftRow = typeof shifts.$inferSelect;
export type DayCloseRow = typeof dayCloses.$inferSelect;
export type MemberRow = typeof members.$inferSelect;
export type ConsentLogRow = typeof memberConsentLog.$inferSelect;
export type LevelHistoryRow = typeof memberLevelHistory.$inferSelect;
export type MemberMergeRow = typeof memberMerges.$inferSelect;
export type PointLotRow = typeof pointLots.$inferSelect;
export type PointMovementRow = typeof pointMovements.$inferSelect;
export type PublishedStrategyRow = typeof publishedStrategies.$inferSelect;
export type IssuanceRow = typeof claimIssuances.$inferSelect;
export type StoreDefaultCouponRow = typeof storeDefaultCoupons.$inferSelect;

/**
 * Where a change was made: at this PC (`local`), or at another PC of the merchant or the cloud
 * and pulled here (`remote`). Only local changes go to the outbox; every origin counts in the
 * rollups, exactly as the rebuild counts the rows.
 */
export type Origin = 'local' | 'remote';

/** The stock document a movement belongs to: what the outbox and the audit log say of it. */
export type StockDocumentFacts =
  | { kind: 'receipt'; id: string; storeId: string; supplier: string; lines: number }
  | { kind: 'stocktake'; id: string; storeId: string; counted: number }
  | { kind: 'transfer'; id: string; storeId: string; toStoreName: string; lines: number }
  /** Goods back from a sale: the sale's own `sale.returned` carries them to the cloud. */
  | { kind: 'return'; id: string; storeId: string }
  /** Goods sold: the sale's own `sale.recorded` carries the movements to the cloud. */
  | { kind: 'sale'; id: string; storeId: string };

export interface DomainEventCatalogue {
  /** A coupon used, here or at another store of the merchant. */
  'redemption.completed': { redemption: RedemptionRow; origin: Origin };
  /**
   * A redemption undone: by a manager here, at another store, or here as the claim that lost a
   * conflict the cloud decided (`conflict`: the coupon stays with the winner, the cloud never
   * counted it, so nothing is pushed). `redemption` is the row as it was before.
   */
  'redemption.voided': {
    redemption: RedemptionRow;
    voidedAt: number;
    voidedBy: { id: string; name: string } | null;
    reason: string | null;
    origin: Origin | 'conflict';
  };
  /**
   * Codes of a template that now exist here: issued here (a till, a batch chunk), pulled from
   * another PC, or a genuine code never seen here that a till admitted or another store
   * redeemed (`known`: learnt of, not issued by anyone here; counted on its issue day all the same).
   */
  'coupons.issued': {
    templateId: string;
    templateVersion: number;
    batchId: string | null;
    storeId: string | null;
    phone: string | null;
    codes: string[];
    count: number;
    validFrom: number;
    validUntil: number;
    issuedAt: number;
    origin: Origin | 'known';
    /** Issued by the cloud for a phone that claimed it (an issuance QR or a store's poster). */
    claimed?: boolean;
  };
  /** A code taken out of use before it was redeemed. */
  'coupons.cancelled': { coupon: CouponRow; at: number; reason: string; pulled?: true };
  /** A cashback code printed for a product sold at a terminal. */
  'cashback.issued': { code: CashbackRow };
  /** A cashback code paid to a phone: at this counter, by a terminal, or elsewhere (pulled). */
  'cashback.paid': {
    code: CashbackRow;
    phone: string;
    at: number;
    via: 'counter' | 'terminal' | 'cloud';
    /** The staff member (counter) or terminal that paid it here; null when paid elsewhere. */
    by: string | null;
    origin: Origin;
  };
  /** A sale with its lines, the redemptions of its coupons and the stock it took. */
  'sale.recorded': {
    sale: SaleRow;
    lines: SaleLineRow[];
    redemptionIds: string[];
    movements: MovementRow[];
    /** From a POS export: announced once by the import, not per sale. */
    imported: boolean;
    /** How it was paid; none: tender unknown. */
    tenders: SaleTenderRow[];
  };
  /** Goods back from a sale; `sale` as it was before. */
  'sale.returned': {
    sale: SaleRow;
    returned: { saleLineId: string; qty: number }[];
    refundFen: number;
    /** The money back per tender. */
    refunds: SaleRefundRow[];
    reason: string;
    documentId: string;
    movements: MovementRow[];
    at: number;
  };
  /**
   * The sales of an import run taken back whole (it failed, or the app stopped half-way): the
   * sales, their lines and movements are gone and the stock is back. `pairs`: what it touched.
   */
  'sales.importUndone': {
    runId: string;
    sales: number;
    pairs: { storeId: string; productId: string }[];
  };
  /** A drawer's shift opened with its float. */
  'shift.opened': { shift: ShiftRow };
  /** A shift handed over (交班): counted, its difference recorded; `approvedBy` over the threshold. */
  'shift.handedOver': { shift: ShiftRow; approvedBy: { id: string; name: string } | null };
  /** A store's business day closed (日结), its totals as they stood. */
  'day.closed': { close: DayCloseRow; storeName: string };
  /** Stock moved (every movement, whatever moved it). */
  'stock.moved': { movements: MovementRow[]; document: StockDocumentFacts };
  /** A member signed up (`created`) or changed: `changed` names the fields. */
  'member.saved': { member: MemberRow; created: boolean; changed: string[] };
  /**
   * A member deleted at their request: every place that kept their phone (sales, coupons,
   * redemptions, cashback, the consumer rollups) now keeps `pseudonym` instead.
   */
  'member.deleted': { memberId: string; phone: string; pseudonym: string };
  /** A consent given or withdrawn (one log entry). */
  'member.consented': { entry: ConsentLogRow };
  /** Two member records found to be one person: `merge.mergedId` became part of `keptId`. */
  'member.merged': {
    merge: MemberMergeRow;
    lotIds: string[];
    spend: { day: string; fen: number }[];
  };
  /** A merge undone (within 30 days). */
  'member.unmerged': { merge: MemberMergeRow & { undoneAt: number } };
  /** A member's level changed, with the reason. */
  'member.levelChanged': { entry: LevelHistoryRow };
  /**
   * Points moved: lots earned (with their earn movements) and every other movement. Each
   * movement is a fact of its own, so two stores' movements add up without loss. `pulled`:
   * moved at another PC of the merchant and applied here (the cloud has it already).
   */
  'points.moved': { lots: PointLotRow[]; movements: PointMovementRow[]; pulled?: true };
  /** An item of a store's advice published to consumers or withdrawn; `item`: as shown. */
  'strategy.changed': {
    publication: PublishedStrategyRow;
    item: {
      sku: string;
      productName: string;
      category: string;
      priceFen: number;
      payPermille: number | null;
      discountedPriceFen: number | null;
      couponTemplateId: string | null;
    };
  };
  /**
   * An issuance QR created (`from` null) or moved from status `from` to its status now: here, or
   * at another PC of the merchant (pulled, so every PC lists it and counts its claims).
   */
  'claims.issuanceSaved': {
    issuance: IssuanceRow;
    from: IssuanceRow['status'] | null;
    origin: Origin;
  };
  /** The coupon a store's fixed QR gives changed (`before`: the template it gave, if any). */
  'stores.defaultCouponSet': { row: StoreDefaultCouponRow; before: string | null; origin: Origin };
}

export type DomainEventName = keyof DomainEventCatalogue;
