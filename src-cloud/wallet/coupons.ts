import { and, eq, inArray, isNull } from 'drizzle-orm';
import { displayCode } from '../../src-shared/coupons/codes';
import { distanceMeters, wgs84ToGcj02, type LatLng } from '../../src-shared/geo/coordinates';
import type { TemplateRule } from '../../src-shared/contract/coupons';
import type { WalletCoupon, WalletCouponStatus } from '../../src-shared/sync/wallet';
import type { Queryable } from '../db/open';
import { chainStores } from '../projections/schema';
import { couponClaims } from '../sync/schema';
import type { ClaimRow } from './claims';
import { shareability } from '../shares/rules';
import { claimJoins } from './joins';
import { walletClaims, walletTemplates, type TemplateShare } from './schema';

/** Stores listed for a coupon of every store (a chain may have hundreds): the nearest ones. */
const MAX_STORES_PER_COUPON = 20;

const STATUS_ORDER: Record<WalletCouponStatus, number> = { available: 0, used: 1, expired: 2 };

/** Available ones expiring soonest first, then the used (latest first), then the expired. */
function byWalletOrder(a: WalletCoupon, b: WalletCoupon): number {
  if (a.status !== b.status) return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  if (a.status === 'available') return a.validUntil - b.validUntil;
  if (a.status === 'used') return (b.usedAt ?? 0) - (a.usedAt ?? 0);
  return b.validUntil - a.validUntil;
}

export interface LocatedStore {
  id: string;
  name: string;
  address: null;
  lat: number | null;
  lng: number | null;
  active: boolean;
  distanceM: number | null;
}

/**
 * The merchant's stores, nearest first when the phone's fix is given (`phoneWgs84`: stores'
 * coordinates are GCJ-02, so the fix is converted first).
 */
export async function merchantStores(
  db: Queryable,
  merchantId: string,
  phoneWgs84: LatLng | null = null,
): Promise<LocatedStore[]> {
  const stores = await db
    .select({
      id: chainStores.storeId,
      name: chainStores.name,
      lat: chainStores.lat,
      lng: chainStores.lng,
      active: chainStores.active,
    })
    .from(chainStores)
    .where(eq(chainStores.merchantId, merchantId));
  const here = phoneWgs84 ? wgs84ToGcj02(phoneWgs84) : null;
  return stores
    .map((s) => ({
      ...s,
      address: null,
      distanceM:
        here && s.lat !== null && s.lng !== null
          ? Math.round(distanceMeters(here, { lat: s.lat, lng: s.lng }))
          : null,
    }))
    .sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
}

/** One coupon as the wallet shows it; null when its template is not known here. */
export function toWalletCoupon(
  c: ClaimRow,
  template: {
    name: string;
    rules: Record<string, TemplateRule>;
    storeIds: string[];
    share: TemplateShare;
  } | null,
  used: { at: number; storeId: string | null } | null,
  stores: LocatedStore[],
  now: number,
): WalletCoupon | null {
  const rule = template?.rules[String(c.templateVersion)];
  if (!template || !rule) return null;
  const ids = c.storeId ? [c.storeId] : template.storeIds;
  const where = ids.length
    ? stores.filter((s) => ids.includes(s.id))
    : stores.filter((s) => s.active).slice(0, MAX_STORES_PER_COUPON);
  const status = used ? 'used' : c.validUntil < now ? 'expired' : 'available';
  return {
    id: c.id,
    code: c.code,
    display: displayCode(c.code),
    token: c.token,
    templateId: c.templateId,
    name: template.name,
    rule,
    productNames: {},
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    timezone: c.timezone,
    status,
    usedAt: used?.at ?? null,
    usedStoreName: used?.storeId ? (stores.find((s) => s.id === used.storeId)?.name ?? null) : null,
    stores: where.map(({ active: _active, ...s }) => s),
    claimedAt: c.claimedAt,
    share: status === 'available' ? shareability(c, template.share) : null,
    received: c.source === 'transfer' || c.source === 'copy',
  };
}

/**
 * A phone's coupons as the wallet shows them: one query for the claims with their live
 * redemption (the code's claim in coupon_claims: used), one for their templates, one for the
 * merchant's stores.
 */
export async function walletCoupons(
  db: Queryable,
  merchantId: string,
  phone: string,
  options: { now: number; phoneWgs84?: LatLng | null; claimIds?: string[] },
): Promise<WalletCoupon[]> {
  const rows = await db
    .select({
      claim: walletClaims,
      usedAt: couponClaims.claimedAt,
      usedStoreId: couponClaims.storeId,
    })
    .from(walletClaims)
    .leftJoin(couponClaims, claimJoins.liveRedemption)
    .where(
      and(
        eq(walletClaims.merchantId, merchantId),
        eq(walletClaims.phone, phone),
        // Given away: the receiver holds it now, under a new code.
        isNull(walletClaims.transferredAt),
        options.claimIds ? inArray(walletClaims.id, options.claimIds) : undefined,
      ),
    );
  if (!rows.length) return [];
  // The templates once each (a phone's 200 coupons come from a handful of them).
  const templateIds = [...new Set(rows.map((r) => r.claim.templateId))];
  const templates = new Map(
    (
      await db
        .select({
          id: walletTemplates.templateId,
          name: walletTemplates.name,
          rules: walletTemplates.rules,
          storeIds: walletTemplates.storeIds,
          share: walletTemplates.share,
        })
        .from(walletTemplates)
        .where(
          and(
            eq(walletTemplates.merchantId, merchantId),
            inArray(walletTemplates.templateId, templateIds),
          ),
        )
    ).map((t) => [t.id, t]),
  );
  const stores = await merchantStores(db, merchantId, options.phoneWgs84 ?? null);
  const coupons: WalletCoupon[] = [];
  for (const row of rows) {
    const used = row.usedAt !== null ? { at: row.usedAt, storeId: row.usedStoreId } : null;
    const template = templates.get(row.claim.templateId) ?? null;
    const coupon = toWalletCoupon(row.claim, template, used, stores, options.now);
    if (coupon) coupons.push(coupon);
  }
  return coupons.sort(byWalletOrder);
}
