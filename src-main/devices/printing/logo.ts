// The shop's logo PNG → a 1-bit raster for thermal paper: composite on white, scale to fit the
// paper's dots, grayscale, Floyd–Steinberg error diffusion (photos and gradients stay readable
// where a plain threshold would print blotches), packed 8 dots a byte.
import { PNG } from 'pngjs';
import type { SlipLogo } from '../../../src-shared/slips/model';

/** Taller logos are scaled down: a slip is for the code, not the picture (about 3 cm). */
export const LOGO_MAX_ROWS = 240;

/** Reads a PNG; null when the bytes are not one. */
export function readPng(bytes: Buffer): PNG | null {
  try {
    return PNG.sync.read(bytes);
  } catch {
    return null;
  }
}

/** Luminance 0 (black) … 255 (white) of each target dot, box-averaged from the source pixels. */
function grayscale(png: PNG, width: number, height: number): Float32Array {
  const gray = new Float32Array(width * height);
  const sx = png.width / width;
  const sy = png.height / height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      const x0 = Math.floor(x * sx);
      const y0 = Math.floor(y * sy);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
      for (let v = y0; v < y1 && v < png.height; v++) {
        for (let u = x0; u < x1 && u < png.width; u++) {
          const i = (v * png.width + u) * 4;
          const alpha = png.data[i + 3]! / 255;
          const luma = 0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]!;
          sum += luma * alpha + 255 * (1 - alpha); // transparent is paper
          count += 1;
        }
      }
      gray[y * width + x] = count ? sum / count : 255;
    }
  }
  return gray;
}

/** Scales the PNG to fit `paperDots` (and LOGO_MAX_ROWS) and dithers it to packed bits. */
export function logoRaster(png: PNG, paperDots: number): SlipLogo {
  const scale = Math.min(1, paperDots / png.width, LOGO_MAX_ROWS / png.height);
  const imageWidth = Math.max(1, Math.round(png.width * scale));
  const height = Math.max(1, Math.round(png.height * scale));
  const width = Math.ceil(imageWidth / 8) * 8; // whole bytes a row; the padding stays white
  const gray = grayscale(png, imageWidth, height);
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
