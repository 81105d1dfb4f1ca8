import { describe, expect, it } from 'vitest';
import { convert, distanceMeters, wgs84ToGcj02 } from '../../../src-shared/geo/coordinates';

// Reference values of the published GCJ-02 formula (the same points the open implementations
// eviltransform and coordtransform test against).
const KNOWN: [string, { lat: number; lng: number }, { lat: number; lng: number }][] = [
  [
    'Shanghai',
    { lat: 31.1774276, lng: 121.5272106 },
    { lat: 31.17530398364597, lng: 121.531541859215 },
  ],
  [
    'Shenzhen',
    { lat: 22.543847, lng: 113.912316 },
    { lat: 22.540796131694766, lng: 113.9171764808363 },
  ],
  [
    'Beijing',
    { lat: 39.911954, lng: 116.377817 },
    { lat: 39.91334545536069, lng: 116.38404722455657 },
  ],
  ['Tiananmen', { lat: 39.915, lng: 116.404 }, { lat: 39.91640428150164, lng: 116.41024449916938 }],
];

describe('WGS-84 to GCJ-02', () => {
  it.each(KNOWN)('%s matches the reference to ~1 cm', (_name, wgs, gcj) => {
    const got = wgs84ToGcj02(wgs);
    expect(got.lat).toBeCloseTo(gcj.lat, 7);
    expect(got.lng).toBeCloseTo(gcj.lng, 7);
  });

  it('leaves points outside China as they are', () => {
    expect(wgs84ToGcj02({ lat: 48.8584, lng: 2.2945 })).toEqual({ lat: 48.8584, lng: 2.2945 });
  });

  it('the offset is hundreds of metres: a store next door would look far without it', () => {
    const wgs = KNOWN[0]![1];
    const offset = distanceMeters(wgs, wgs84ToGcj02(wgs));
    expect(offset).toBeGreaterThan(300);
    expect(offset).toBeLessThan(700);
  });
});

describe('distanceMeters', () => {
  it('measures a known distance (two points in Shanghai ~1.9 km apart)', () => {
    const d = distanceMeters({ lat: 31.2304, lng: 121.4737 }, { lat: 31.24, lng: 121.49 });
    expect(d).toBeGreaterThan(1800);
    expect(d).toBeLessThan(1950);
  });
  it('is zero for one point', () => {
    expect(distanceMeters({ lat: 30, lng: 120 }, { lat: 30, lng: 120 })).toBe(0);
  });
});

describe('Baidu (BD-09)', () => {
  it('converts to GCJ-02 and back within a metre, a few hundred metres apart', () => {
    const gcj = { lat: 32.0415, lng: 118.7845 };
    const bd = convert(gcj, 'gcj02', 'bd09');
    expect(distanceMeters(gcj, bd)).toBeGreaterThan(300);
    const back = convert(bd, 'bd09', 'gcj02');
    expect(distanceMeters(gcj, back)).toBeLessThan(1);
    // A phone's GPS fix and a Baidu point of the same place agree once both are in GCJ-02.
    const wgs = convert(gcj, 'gcj02', 'wgs84');
    expect(distanceMeters(wgs84ToGcj02(wgs), convert(bd, 'bd09', 'gcj02'))).toBeLessThan(1);
  });
});
