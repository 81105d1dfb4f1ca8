// Lays a slip out the way the printer does: wrapped into the paper's columns, each character in
// its cell (Chinese two columns), lines aligned inside the printable dots. Positions are in
// printer dots; the preview multiplies them by its scale.
import {
  PAPER,
  type Slip,
  type SlipBlock,
  type SlipLogo,
} from '../../../../../src-shared/slips/model';
import {
  BARCODE_HEIGHT_DOTS,
  COLUMN_DOTS,
  LINE_DOTS,
  code128Plan,
  qrCellSize,
} from '../../../../../src-shared/slips/geometry';
import { charWidth, displayWidth, pairLine, wrap } from '../../../../../src-shared/slips/text';

export interface LaidChar {
  char: string;
  /** Left edge and width in dots. */
  x: number;
  width: number;
}

export type LaidRow =
  | {
      kind: 'text';
      text: string;
      chars: LaidChar[];
      /** Double width and height (titles, the coupon's rule). */
      big: boolean;
      bold: boolean;
      height: number;
    }
  | { kind: 'qr'; data: string; cellDots: number }
  | { kind: 'barcode'; data: string; set: 'B' | 'C'; moduleDots: number; height: number }
  | ({ kind: 'logo' } & SlipLogo)
  | { kind: 'feed'; height: number }
  | { kind: 'cut' };

type Align = 'left' | 'center' | 'right';

function textRow(line: string, dots: number, align: Align, big: boolean, bold: boolean): LaidRow {
  const scale = big ? 2 : 1;
  const lineDots = displayWidth(line) * COLUMN_DOTS * scale;
  let x =
    align === 'center'
      ? Math.floor((dots - lineDots) / 2)
      : align === 'right'
        ? dots - lineDots
        : 0;
  const chars: LaidChar[] = [];
  for (const char of line) {
    const width = charWidth(char) * COLUMN_DOTS * scale;
    chars.push({ char, x, width });
    x += width;
  }
  return { kind: 'text', text: line, chars, big, bold, height: LINE_DOTS * scale };
}

/** A blank line, as the LF the encoder sends after a QR code or a barcode. */
const lineFeed: LaidRow = { kind: 'feed', height: LINE_DOTS };

function layBlock(block: SlipBlock, slip: Slip): LaidRow[] {
  const { columns, dots } = PAPER[slip.width];
  const lines = (texts: string[], align: Align, big = false, bold = false) =>
    texts.map((line) => textRow(line, dots, align, big, bold));
  switch (block.kind) {
    case 'title':
      return lines(wrap(block.text, Math.floor(columns / 2)), 'center', true, true);
    case 'text':
      return lines(
        wrap(block.text, block.big ? Math.floor(columns / 2) : columns),
        block.align ?? 'left',
        block.big ?? false,
        block.bold ?? false,
      );
    case 'pair':
      return lines(pairLine(block.left, block.right, columns), 'left');
    case 'rule':
      return lines([(block.char ?? '-').repeat(columns)], 'left');
    case 'qr':
      return [{ kind: 'qr', data: block.data, cellDots: qrCellSize(slip.width, block) }, lineFeed];
    case 'barcode':
      return [
        {
          kind: 'barcode',
          data: block.data,
          ...code128Plan(block.data, slip.width),
          height: BARCODE_HEIGHT_DOTS,
        },
        lineFeed,
      ];
    case 'logo':
      return [block];
    case 'feed':
      return [{ kind: 'feed', height: block.lines * LINE_DOTS }];
    case 'cut':
      return [{ kind: 'cut' }];
    case 'drawer':
      return [];
  }
}

export const laySlip = (slip: Slip): LaidRow[] =>
  slip.blocks.flatMap((block) => layBlock(block, slip));
