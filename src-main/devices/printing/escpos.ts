// Slip model → ESC/POS bytes. node-thermal-printer does alignment, sizes, QR and the cut; the
// text goes through our own helper (wrap by display width, GBK via iconv-lite, appended raw),
// because the library's Chinese handling emits EUC-JP without a character set. CODE128 is also
// ours: the library always uses code set B, and a 20-digit code only fits 58 mm in set C.
import iconv from 'iconv-lite';
import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import { BARCODE_HEIGHT_DOTS, code128Plan, qrCellSize } from '../../../src-shared/slips/geometry';
import { PAPER, type PaperWidth, type Slip, type SlipBlock } from '../../../src-shared/slips/model';
import { normalizeForPrinter, pairLine, wrap } from '../../../src-shared/slips/text';

const LF = Buffer.from([0x0a]);
/** ESC @ — reset modes left over from whatever printed before. */
const INITIALIZE = Buffer.from([0x1b, 0x40]);
/** FS & — Chinese character mode on GB18030/GBK printers. */
const CHINESE_MODE = Buffer.from([0x1c, 0x26]);
const GS = 0x1d;
/** ESC p 0 t1 t2: a pulse on drawer pin 2, 50 ms on, 500 ms off (what drawers expect). */
export const DRAWER_KICK = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);

const gbk = (text: string) => iconv.encode(normalizeForPrinter(text), 'gbk');

/** CODE128 as GS k 73, in the code set and bar width the preview draws (slips/geometry). */
export function code128(data: string, width: PaperWidth): Buffer {
  const { set, moduleDots } = code128Plan(data, width);
  const payload =
    set === 'C'
      ? Buffer.from([0x7b, 0x43, ...data.match(/\d\d/g)!.map(Number)])
      : Buffer.concat([Buffer.from([0x7b, 0x42]), Buffer.from(data, 'ascii')]);
  return Buffer.concat([
    Buffer.from([GS, 0x48, 0x00]), // no human-readable text: the slip prints the grouped code
    Buffer.from([GS, 0x77, moduleDots]),
    Buffer.from([GS, 0x68, BARCODE_HEIGHT_DOTS]),
    Buffer.from([GS, 0x6b, 73, payload.length]),
    payload,
  ]);
}

/** GS v 0: a raster image, `width / 8` bytes a row; the printer prints it as it comes. */
export function raster(width: number, height: number, bits: Uint8Array): Buffer {
  const rowBytes = width / 8;
  return Buffer.concat([
    Buffer.from([GS, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, height & 0xff, height >> 8]),
    bits,
  ]);
}

export function encodeSlip(slip: Slip): Buffer {
  const { columns } = PAPER[slip.width];
  // Used as an encoder only: no interface, the bytes go out through our own transports.
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, width: columns, interface: '' });
  printer.add(Buffer.concat([INITIALIZE, CHINESE_MODE]));
  const text = (lines: string[]) => {
    for (const line of lines) printer.add(Buffer.concat([gbk(line), LF]));
  };
  const align = (to: 'left' | 'center' | 'right' = 'left') =>
    to === 'center'
      ? printer.alignCenter()
      : to === 'right'
        ? printer.alignRight()
        : printer.alignLeft();

  for (const block of slip.blocks as SlipBlock[]) {
    switch (block.kind) {
      case 'title':
        printer.alignCenter();
        printer.bold(true);
        printer.setTextSize(1, 1); // double width and height: half the columns
        text(wrap(block.text, Math.floor(columns / 2)));
        printer.setTextNormal();
        printer.bold(false);
        break;
      case 'text':
        align(block.align);
        if (block.bold) printer.bold(true);
        if (block.big) printer.setTextSize(1, 1);
        text(wrap(block.text, block.big ? Math.floor(columns / 2) : columns));
        if (block.big) printer.setTextNormal();
        if (block.bold) printer.bold(false);
        break;
      case 'pair':
        printer.alignLeft();
        text(pairLine(block.left, block.right, columns));
        break;
      case 'rule':
        printer.alignLeft();
        text([(block.char ?? '-').repeat(columns)]);
        break;
      case 'qr':
        printer.alignCenter();
        printer.printQR(block.data, {
          model: 2,
          cellSize: qrCellSize(slip.width, block),
          correction: 'M',
        });
        printer.add(LF);
        break;
      case 'barcode':
        printer.alignCenter();
        printer.add(code128(block.data, slip.width));
        printer.add(LF);
        break;
      case 'logo':
        printer.alignCenter();
        printer.add(raster(block.width, block.height, block.bits));
        break;
      case 'feed':
        printer.add(Buffer.alloc(block.lines, 0x0a));
        break;
      case 'cut':
        printer.cut({ verticalTabAmount: 0 });
        break;
      case 'drawer':
        printer.add(DRAWER_KICK);
        break;
    }
  }
  return printer.getBuffer();
}
