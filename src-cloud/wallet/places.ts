import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Clock } from '../../src-node/clock';
import { wgs84ToGcj02, type LatLng } from '../../src-shared/geo/coordinates';
import type { Queryable } from '../db/open';
import { chainStores } from '../projections/schema';
import { consumerPlaces } from './schema';

/** About 100 m: a point rounded to 3 decimals of a degree. Raw fixes are never stored. */
export const coarse = (point: LatLng): LatLng => ({
  lat: Math.round(point.lat * 1000) / 1000,
  lng: Math.round(point.lng * 1000) / 1000,
});

/** Metres between a row's (lat, lng) columns and a point, flat-earth (exact enough in a city). */
export const metresFrom = (here: LatLng, lat: unknown, lng: unknown) =>
  sql`6371000 * sqrt(power(radians(${lat} - ${here.lat}::float8), 2)
    + power(cos(radians(${here.lat}::float8)) * radians(${lng} - ${here.lng}::float8), 2))`;

/** The 商圈 of the merchant's store nearest to a point (GCJ-02); null when it has none. */
export async function districtNear(
  db: Queryable,
  merchantId: string,
  here: LatLng,
): Promise<string | null> {
  const [store] = await db
    .select({ district: chainStores.businessDistrict })
    .from(chainStores)
    .where(
      and(
        eq(chainStores.merchantId, merchantId),
        isNotNull(chainStores.lat),
        isNotNull(chainStores.lng),
      ),
    )
    .orderBy(metresFrom(here, chainStores.lat, chainStores.lng))
    .limit(1);
  return store?.district ?? null;
}

/**
 * Where a phone that consented to location was last seen near the merchant: its fix (WGS-84)
 * converted to the stores' GCJ-02, rounded to ~100 m, with the 商圈 of the nearest store.
 */
export async function recordPlace(
  db: Queryable,
  clock: Clock,
  merchantId: string,
  phone: string,
  fixWgs84: LatLng,
): Promise<void> {
  const point = coarse(wgs84ToGcj02(fixWgs84));
  const row = {
    merchantId,
    phone,
    ...point,
    system: 'gcj02' as const,
    businessDistrict: await districtNear(db, merchantId, point),
    at: clock.now(),
  };
  await db
    .insert(consumerPlaces)
    .values(row)
    .onConflictDoUpdate({ target: [consumerPlaces.merchantId, consumerPlaces.phone], set: row });
}

/** Location consent withdrawn: the place goes (PIPL). */
export async function forgetPlace(db: Queryable, merchantId: string, phone: string) {
  await db
    .delete(consumerPlaces)
    .where(and(eq(consumerPlaces.merchantId, merchantId), eq(consumerPlaces.phone, phone)));
}
