import { describe, expect, it } from 'vitest';
import { encodeSlip } from '../../../src-main/devices/printing/escpos';
import { LOGO_MAX_ROWS, logoRaster } from '../../../src-shared/slips/dither';
import { decodeEscPos } from '../../support/escpos-decoder';
import { pngOf } from '../../support/png';

const blackDots = (bits: Uint8Array) =>
  [...bits].reduce((sum, byte) => sum + byte.toString(2).replace(/0/g, '').length, 0);

describe('logo raster', () => {
  it('scales a wide logo down to the paper dots and keeps its proportions', () => {
    const png = pngOf(800, 200, () => [0, 255]);
    const on58 = logoRaster(png, 384);
    expect(on58).toMatchObject({ width: 384, height: 96 });
    expect(blackDots(on58.bits)).toBe(384 * 96);
    expect(logoRaster(png, 576)).toMatchObject({ width: 576, height: 144 });
  });

  it('keeps a small logo at its size, rounded up to whole bytes with white padding', () => {
    const raster = logoRaster(
      pngOf(100, 30, () => [0, 255]),
      384,
    );
    expect(raster).toMatchObject({ width: 104, height: 30 });
    expect(blackDots(raster.bits)).toBe(100 * 30);
    expect(raster.bits[12]).toBe(0xf0); // the last byte of a row: 4 dots of logo, 4 of padding
  });

  it('caps the height, so a tall picture does not eat the roll', () => {
    expect(
      logoRaster(
        pngOf(200, 1000, () => [0, 255]),
        384,
      ),
    ).toMatchObject({
      width: 48,
      height: LOGO_MAX_ROWS,
    });
  });

  it('dithers gray to a matching share of black dots; transparent is paper', () => {
    const gray = logoRaster(
      pngOf(160, 80, () => [128, 255]),
      384,
    );
    const share = blackDots(gray.bits) / (160 * 80);
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
    const gradient = logoRaster(
      pngOf(256, 40, (x) => [x, 255]),
      384,
    );
    // Darker on the left: more black dots in the first quarter of every row than in the last.
    const left = blackDots(gradient.bits.filter((_, i) => i % 32 < 8));
    const right = blackDots(gradient.bits.filter((_, i) => i % 32 >= 24));
    expect(left).toBeGreaterThan(right * 4);
    const clear = logoRaster(
      pngOf(64, 64, () => [0, 0]),
      384,
    );
    expect(blackDots(clear.bits)).toBe(0);
  });

  it('encodes as GS v 0, which the decoder reads back with its size', () => {
    const logo = logoRaster(
      pngOf(800, 200, (x, y) => [(x + y) % 2 ? 0 : 255, 255]),
      384,
    );
    const printed = decodeEscPos(
      encodeSlip({
        width: 58,
        blocks: [{ kind: 'logo', ...logo }, { kind: 'text', text: '鲜果优选' }, { kind: 'cut' }],
      }),
    );
    expect(printed.images).toHaveLength(1);
    expect(printed.images[0]).toMatchObject({ width: 384, height: 96 });
    expect(Buffer.compare(printed.images[0]!.bits, Buffer.from(logo.bits))).toBe(0);
    expect(printed.items.map((i) => i.kind)).toEqual(['image', 'line', 'cut']);
    expect(printed.lines[0]!.text).toBe('鲜果优选');
  });
});
