import { and, eq, inArray } from 'drizzle-orm';
import {
  cashbackIssuedSchema,
  redemptionClaimSchema,
  redemptionVoidSchema,
  storeChangedSchema,
} from '../../src-shared/sync/events';
import { localDate } from '../../src-shared/time';
import { DEFAULT_TIME_ZONE } from '../../src-shared/validation';
import type { Queryable } from '../db/open';
import { syncEvents } from '../sync/schema';
import { chainStores } from './schema';

/** What the projector needs of a stored event. */
export interface ProjectedEvent {
  merchantId: string;
  kind: string;
  entityId: string;
  seq?: number | null;
  status: string;
  payload: Record<string, unknown>;
  receivedAt: number;
}

export interface Redeemed {
  storeId: string;
  day: string;
  discountFen: number;
  voided: boolean;
}

/**
 * What earlier events said that a later one needs: the redemption a void takes back, the
 * store of a cashback code paid out, each store's zone (its business days). The live path
 * loads the names one push needs from the log; a rebuild fills it as it reads the log in order.
 */
export class ProjectionMemory {
  readonly redemptions = new Map<string, Redeemed>();
  readonly cashbackCodes = new Map<string, { storeId: string; rewardFen: number }>();
  readonly zones = new Map<string, string>();
  /** Store ids whose zone was looked up (found or not). */
  readonly zonesLoaded = new Set<string>();

  zone(storeId: string): string {
    return this.zones.get(storeId) ?? DEFAULT_TIME_ZONE;
  }

  /** Loads from the log and the store list what `events` will ask about (live path). */
  async load(db: Queryable, merchantId: string, events: ProjectedEvent[]): Promise<void> {
    const redemptionIds = new Set<string>();
    const codeIds = new Set<string>();
    const storeIds = new Set<string>();
    for (const e of events) {
      if (e.kind === 'redemption.completed' || e.kind === 'redemption.voided')
        redemptionIds.add(e.entityId);
      if (e.kind === 'cashback.redeemed') codeIds.add(e.entityId);
      const store = typeof e.payload.storeId === 'string' ? e.payload.storeId : null;
      if (store) storeIds.add(store);
    }
    if (redemptionIds.size) {
      const rows = await db
        .select({
          kind: syncEvents.kind,
          entityId: syncEvents.entityId,
          payload: syncEvents.payload,
        })
        .from(syncEvents)
        .where(
          and(
            eq(syncEvents.merchantId, merchantId),
            eq(syncEvents.status, 'accepted'),
            inArray(syncEvents.kind, ['redemption.completed', 'redemption.voided']),
            inArray(syncEvents.entityId, [...redemptionIds]),
          ),
        )
        .orderBy(syncEvents.seq);
      for (const row of rows) {
        if (row.kind === 'redemption.completed') {
          const claim = redemptionClaimSchema.safeParse(row.payload);
          if (claim.success) storeIds.add(claim.data.storeId);
        }
      }
      await this.loadZones(db, merchantId, storeIds);
      for (const row of rows) this.remember(row.kind, row.payload);
    }
    if (codeIds.size) {
      const rows = await db
        .select({ payload: syncEvents.payload })
        .from(syncEvents)
        .where(
          and(
            eq(syncEvents.merchantId, merchantId),
            eq(syncEvents.status, 'accepted'),
            eq(syncEvents.kind, 'cashback.issued'),
            inArray(syncEvents.entityId, [...codeIds]),
          ),
        );
      for (const row of rows) this.remember('cashback.issued', row.payload);
    }
    for (const code of this.cashbackCodes.values()) storeIds.add(code.storeId);
    await this.loadZones(db, merchantId, storeIds);
  }

  private async loadZones(db: Queryable, merchantId: string, storeIds: Set<string>) {
    const wanted = [...storeIds].filter((id) => !this.zonesLoaded.has(id));
    if (!wanted.length) return;
    const rows = await db
      .select({ storeId: chainStores.storeId, timezone: chainStores.timezone })
      .from(chainStores)
      .where(and(eq(chainStores.merchantId, merchantId), inArray(chainStores.storeId, wanted)));
    for (const row of rows) this.zones.set(row.storeId, row.timezone);
    for (const id of wanted) this.zonesLoaded.add(id);
  }

  /** Notes what an accepted event tells later ones; returns false when it was seen before. */
  remember(kind: string, payload: Record<string, unknown>): boolean {
    if (kind === 'redemption.completed') {
      const claim = redemptionClaimSchema.safeParse(payload);
      if (!claim.success || this.redemptions.has(claim.data.id)) return false;
      this.redemptions.set(claim.data.id, {
        storeId: claim.data.storeId,
        day: localDate(claim.data.createdAt, this.zone(claim.data.storeId)),
        discountFen: claim.data.discountFen,
        voided: false,
      });
    } else if (kind === 'redemption.voided') {
      const voided = redemptionVoidSchema.safeParse(payload);
      const redeemed = voided.success ? this.redemptions.get(voided.data.redemptionId) : undefined;
      if (!redeemed || redeemed.voided) return false;
      redeemed.voided = true;
    } else if (kind === 'cashback.issued') {
      const code = cashbackIssuedSchema.safeParse(payload);
      if (!code.success || this.cashbackCodes.has(code.data.id)) return false;
      this.cashbackCodes.set(code.data.id, {
        storeId: code.data.storeId,
        rewardFen: code.data.rewardFen,
      });
    } else if (kind === 'stores.changed') {
      const store = storeChangedSchema.safeParse(payload);
      if (store.success && store.data.timezone) this.zones.set(store.data.id, store.data.timezone);
    }
    return true;
  }
}
