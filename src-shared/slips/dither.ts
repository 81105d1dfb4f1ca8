// A logo picture → the 1-bit raster a thermal printer prints: composite on white, scale to fit
// the paper's dots, grayscale, Floyd–Steinberg error diffusion, packed 8 dots a byte. Pure, so
// the printer path (PNG decoded with pngjs) and the preview (decoded by the browser) share it.
import type { SlipLogo } from './model';

/** Taller logos are scaled down: a slip is for the code, not the picture (about 3 cm). */
export const LOGO_MAX_ROWS = 240;

/** RGBA pixels, 4 bytes each, row by row (a decoded PNG, a canvas's ImageData). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** Luminance 0 (black) … 255 (white) of each target dot, box-averaged from the source pixels. */
function grayscale(image: RgbaImage, width: number, height: number): Float32Array {
  const gray = new Float32Array(width * height);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      const x0 = Math.floor(x * sx);
      const y0 = Math.floor(y * sy);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
      for (let v = y0; v < y1 && v < image.height; v++) {
        for (let u = x0; u < x1 && u < image.width; u++) {
          const i = (v * image.width + u) * 4;
          const alpha = image.data[i + 3]! / 255;
          const luma =
            0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!;
          sum += luma * alpha + 255 * (1 - alpha); // transparent is paper
          count += 1;
        }
      }
      gray[y * width + x] = count ? sum / count : 255;
    }
  }
  return gray;
}

/** Scales the picture to fit `paperDots` (and LOGO_MAX_ROWS) and dithers it to packed bits. */
export function logoRaster(image: RgbaImage, paperDots: number): SlipLogo {
  const scale = Math.min(1, paperDots / image.width, LOGO_MAX_ROWS / image.height);
  const imageWidth = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const width = Math.ceil(imageWidth / 8) * 8; // whole bytes a row; the padding stays white
  const gray = grayscale(image, imageWidth, height);
  const bits = new Uint8Array((width / 8) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < imageWidth; x++) {
      const i = y * imageWidth + x;
      const old = gray[i]!;
      const black = old < 128;
      if (black) bits[y * (width / 8) + (x >> 3)]! |= 0x80 >> (x & 7);
      const error = old - (black ? 0 : 255);
      if (x + 1 < imageWidth) gray[i + 1]! += (error * 7) / 16;
      if (y + 1 < height) {
        if (x > 0) gray[i + imageWidth - 1]! += (error * 3) / 16;
        gray[i + imageWidth]! += (error * 5) / 16;
        if (x + 1 < imageWidth) gray[i + imageWidth + 1]! += error / 16;
      }
    }
  }
  return { width, height, bits };
}
