import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { WalletCouponStatus } from '../../src-shared/sync/wallet';
import { call } from './api/client';
import { EXPIRING_SOON_MS } from './format';

export type WalletResponse = EndpointOutput<'consumers.wallet'>;
/** A coupon as the cloud sends it. */
export type WalletCoupon = WalletResponse['coupons'][number];

let lastPosition: { lat: number; lng: number } | null = null;

/** The phone's position (WGS-84) when the consumer allowed it; null when the browser says no. */
function position(): Promise<{ lat: number; lng: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (fix) => {
        lastPosition = { lat: fix.coords.latitude, lng: fix.coords.longitude };
        resolve(lastPosition);
      },
      () => resolve(lastPosition),
      { timeout: 5000, maximumAge: 5 * 60_000 },
    ),
  );
}

/** The wallet, stores nearest first when location is shared (the cloud measures). */
export async function loadWallet(
  merchantCode: string,
  withLocation: boolean,
): Promise<WalletResponse> {
  const at = withLocation ? await position() : null;
  return call('consumers.wallet', { merchantCode }, { query: at ?? {} });
}

/** Coupons of one tab; available ones ending soonest first (the expiring ones on top). */
export function couponsOf(coupons: WalletCoupon[], status: WalletCouponStatus): WalletCoupon[] {
  const chosen = coupons.filter((coupon) => coupon.status === status);
  if (status === 'available') return chosen.sort((a, b) => a.validUntil - b.validUntil);
  return chosen.sort((a, b) => (b.usedAt ?? b.validUntil) - (a.usedAt ?? a.validUntil));
}

export const isExpiringSoon = (coupon: WalletCoupon, now: number) =>
  coupon.status === 'available' && coupon.validUntil - now <= EXPIRING_SOON_MS;
