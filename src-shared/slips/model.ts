// A slip is data: the printer path encodes it to ESC/POS, the screen draws it as the preview.
// One model, two renderings, so what the cashier sees is what prints.

export type PaperWidth = 58 | 80;

/** Columns of the standard font and printable dots, per paper width. */
export const PAPER = {
  58: { columns: 32, dots: 384 },
  80: { columns: 48, dots: 576 },
} as const satisfies Record<PaperWidth, { columns: number; dots: number }>;

export type SlipBlock =
  /** Centered, double width and height (so half the columns). */
  | { kind: 'title'; text: string }
  | {
      kind: 'text';
      text: string;
      align?: 'left' | 'center' | 'right';
      bold?: boolean;
      big?: boolean;
    }
  /** Label on the left, value on the right. */
  | { kind: 'pair'; left: string; right: string }
  | { kind: 'rule'; char?: '-' | '=' }
  /** ASCII payload only (any QR reader, any printer firmware). */
  | { kind: 'qr'; data: string; cellSize?: number }
  /** CODE128; digits-only payloads use code set C (two digits a bar) to fit 58 mm. */
  | { kind: 'barcode'; data: string }
  /**
   * A 1-bit image, centered: `width` dots (a multiple of 8) by `height` rows, packed MSB first,
   * width / 8 bytes a row, 1 = black. Main makes it from the shop's PNG (dithered to fit the paper).
   */
  | { kind: 'logo'; width: number; height: number; bits: Uint8Array }
  | { kind: 'feed'; lines: number }
  /** Opens the cash drawer wired to the printer (ESC p): prints nothing, not drawn in a preview. */
  | { kind: 'drawer' }
  | { kind: 'cut' };

export interface Slip {
  width: PaperWidth;
  blocks: SlipBlock[];
}

export type SlipLogo = Omit<Extract<SlipBlock, { kind: 'logo' }>, 'kind'>;
