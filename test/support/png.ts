import { PNG } from 'pngjs';

/** A PNG whose pixels come from `paint(x, y)` → [gray 0..255, alpha 0..255]. */
export function pngOf(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number],
): PNG {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [gray, alpha] = paint(x, y);
      const i = (y * width + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = gray;
      png.data[i + 3] = alpha;
    }
  return png;
}

/** The PNG file's bytes, base64, as the printers page sends a logo. */
export const pngBase64 = (png: PNG): string => PNG.sync.write(png).toString('base64');
