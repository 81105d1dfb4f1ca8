import { and, eq, inArray, isNull } from 'drizzle-orm';
import { displayCode } from '../../src-shared/coupons/codes';
import { distanceMeters, wgs84ToGcj02, type LatLng } from '../../src-shared/geo/coordinates';
import type { WalletCoupon, WalletCouponStatus } from '../../src-shared/sync/wallet';
import type { Queryable } from '../db/open';
import { chainStores } from '../projections/schema';
import { couponClaims } from '../sync/schema';
import { walletClaims, walletTemplates } from './schema';

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

/**
 * A phone's coupons as the wallet shows them: one query for the claims with their template and
 * live redemption (the code's claim in coupon_claims: used), one for the merchant's stores.
 * `phoneWgs84`: the phone's fix; stores' coordinates are GCJ-02, so it is converted first.
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
      name: walletTemplates.name,
      rules: walletTemplates.rules,
      storeIds: walletTemplates.storeIds,
      usedAt: couponClaims.claimedAt,
      usedStoreId: couponClaims.storeId,
    })
    .from(walletClaims)
    .leftJoin(
      walletTemplates,
      and(
        eq(walletTemplates.merchantId, walletClaims.merchantId),
        eq(walletTemplates.templateId, walletClaims.templateId),
      ),
    )
    .leftJoin(
      couponClaims,
      and(
        eq(couponClaims.merchantId, walletClaims.merchantId),
        eq(couponClaims.code, walletClaims.code),
        isNull(couponClaims.voidedAt),
      ),
    )
    .where(
      and(
        eq(walletClaims.merchantId, merchantId),
        eq(walletClaims.phone, phone),
        options.claimIds ? inArray(walletClaims.id, options.claimIds) : undefined,
      ),
    );
  if (!rows.length) return [];
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
  const here = options.phoneWgs84 ? wgs84ToGcj02(options.phoneWgs84) : null;
  const located = stores
    .map((s) => ({
      id: s.id,
      name: s.name,
      address: null,
      lat: s.lat,
      lng: s.lng,
      active: s.active,
      distanceM:
        here && s.lat !== null && s.lng !== null
          ? Math.round(distanceMeters(here, { lat: s.lat, lng: s.lng }))
          : null,
    }))
    .sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
  const byId = new Map(located.map((s) => [s.id, s]));
  const everyStore = located.filter((s) => s.active).slice(0, MAX_STORES_PER_COUPON);
  const storesFor = (ids: string[]) =>
    ids.length ? located.filter((s) => ids.includes(s.id)) : everyStore;

  const coupons: WalletCoupon[] = [];
  for (const row of rows) {
    const c = row.claim;
    const rule = row.rules?.[String(c.templateVersion)];
    if (!rule) continue; // the template is not known here any more (never happens in practice)
    const status: WalletCouponStatus =
      row.usedAt !== null ? 'used' : c.validUntil < options.now ? 'expired' : 'available';
    coupons.push({
      code: c.code,
      display: displayCode(c.code),
      token: c.token,
      templateId: c.templateId,
      name: row.name ?? '',
      rule,
      productNames: {},
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      timezone: c.timezone,
      status,
      usedAt: row.usedAt,
      usedStoreName: row.usedStoreId ? (byId.get(row.usedStoreId)?.name ?? null) : null,
      stores: storesFor(c.storeId ? [c.storeId] : (row.storeIds ?? [])).map(
        ({ active: _active, ...s }) => s,
      ),
      claimedAt: c.claimedAt,
    });
  }
  return coupons.sort(byWalletOrder);
}
