// Where things land on the paper, in printer dots (203 dpi heads: 8 dots a millimetre). The
// ESC/POS encoder sends these numbers to the printer and the on-screen preview draws with them,
// so both agree on every size.
import { PAPER, type PaperWidth, type SlipBlock } from './model';

export const DOTS_PER_MM = 8;

/** Font A: a column is 12 dots wide (a Chinese character takes two), a line 24 dots tall. */
export const COLUMN_DOTS = 12;
export const CHAR_HEIGHT_DOTS = 24;
/** The printers' default line spacing (ESC 2), from the top of one line to the next. */
export const LINE_DOTS = 30;

/** QR module size in dots: big enough for a phone camera, small enough for the paper. */
export const qrCellSize = (width: PaperWidth, block: Extract<SlipBlock, { kind: 'qr' }>): number =>
  block.cellSize ?? (width === 58 ? 6 : 8);

export const BARCODE_HEIGHT_DOTS = 80; // 10 mm

/**
 * CODE128 as printed: code set C (two digits a bar) for an even run of digits, else set B; the
 * widest module (1 to 3 dots) with which the symbol and its quiet zones fit the printable width.
 */
export function code128Plan(
  data: string,
  width: PaperWidth,
): { set: 'B' | 'C'; moduleDots: number } {
  const set = /^\d+$/.test(data) && data.length % 2 === 0 ? 'C' : 'B';
  // Start, data symbols, check (11 modules each) and stop (13), plus quiet zones of 10 each side.
  const symbols = set === 'C' ? data.length / 2 : data.length;
  const modules = 11 * (symbols + 2) + 13 + 20;
  return { set, moduleDots: Math.max(1, Math.min(3, Math.floor(PAPER[width].dots / modules))) };
}

/** The paper itself is wider than what the head prints: 58 mm paper, 48 mm printed; 80 → 72. */
export const paperDots = (width: PaperWidth): number => width * DOTS_PER_MM;
