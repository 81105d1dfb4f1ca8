// The shop's logo arrives as a PNG file; pngjs decodes it here (Node only). Scaling and dithering
// to the paper's dots are shared with the on-screen preview (src-shared/slips/dither.ts), so the
// preview shows the dots that print.
import { PNG } from 'pngjs';

/** Reads a PNG; null when the bytes are not one. */
export function readPng(bytes: Buffer): PNG | null {
  try {
    return PNG.sync.read(bytes);
  } catch {
    return null;
  }
}
