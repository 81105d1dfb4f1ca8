import gcoord from 'gcoord';

// Phone browsers give WGS-84; Chinese maps (AMap, Tencent) and so most store coordinates are
// GCJ-02, offset from WGS-84 by up to ~500 m by a published formula; Baidu's maps use BD-09, a
// further offset of GCJ-02. A distance is measured between points of one system, so every point
// is converted (by gcoord, the maintained implementation of those formulas) before it is compared.

export interface LatLng {
  lat: number;
  lng: number;
}

/** The systems a point may be given in. The cloud measures in GCJ-02, the stores' usual one. */
export const COORD_SYSTEMS = ['gcj02', 'wgs84', 'bd09'] as const;
export type CoordSystem = (typeof COORD_SYSTEMS)[number];

const GCOORD = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;
const EARTH_RADIUS_M = 6371008.8;

/** A point of one system in another (outside mainland China the three agree). */
export function convert(point: LatLng, from: CoordSystem, to: CoordSystem): LatLng {
  if (from === to) return { ...point };
  const [lng, lat] = gcoord.transform([point.lng, point.lat], GCOORD[from], GCOORD[to]);
  return { lat, lng };
}

/** A WGS-84 point (a phone's fix) in GCJ-02 (the stores' system). */
export const wgs84ToGcj02 = (point: LatLng): LatLng => convert(point, 'wgs84', 'gcj02');

/** Great-circle distance in metres (haversine); both points in the same system. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
