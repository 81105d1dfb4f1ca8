// Turns ESC/POS bytes (as a printer would receive them) back into what it would print: text
// lines (GBK), QR payloads, barcode payloads, raster images and cuts. Stands in for the paper in
// tests.
import iconv from 'iconv-lite';

export interface PrintedLine {
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  /** Double width: the line may use only half the columns. */
  big: boolean;
}

/** A GS v 0 raster image: width in dots, height in rows, one bit a dot (1 = black). */
export interface PrintedImage {
  width: number;
  height: number;
  bits: Buffer;
}

export interface Printed {
  lines: PrintedLine[];
  images: PrintedImage[];
  qrs: string[];
  barcodes: string[];
  cuts: number;
  /** ESC p drawer pulses: the pin (0 or 1) of each. */
  drawerPulses: number[];
  /** Everything in order, for reading a slip top to bottom. */
  items: (
    | { kind: 'line'; line: PrintedLine }
    | { kind: 'qr'; data: string }
    | { kind: 'barcode'; data: string }
    | { kind: 'image'; image: PrintedImage }
    | { kind: 'cut' }
    | { kind: 'drawer'; pin: number }
  )[];
}

const ALIGN = ['left', 'center', 'right'] as const;

export function decodeEscPos(bytes: Buffer): Printed {
  const out: Printed = {
    lines: [],
    images: [],
    qrs: [],
    barcodes: [],
    cuts: 0,
    drawerPulses: [],
    items: [],
  };
  let align: PrintedLine['align'] = 'left';
  let bold = false;
  let big = false;
  let text: number[] = [];
  const flush = () => {
    const line = { text: iconv.decode(Buffer.from(text), 'gbk'), align, bold, big };
    out.lines.push(line);
    out.items.push({ kind: 'line', line });
    text = [];
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const next = bytes[i + 1];
    if (b === 0x0a) {
      flush();
      i += 1;
    } else if (b === 0x10 && next === 0x04) {
      i += 3; // DLE EOT n: a status query, answered by the printer, prints nothing
    } else if (b === 0x0b || b === 0x0d) {
      i += 1;
    } else if (b === 0x1b) {
      if (next === 0x40) {
        align = 'left';
        bold = false;
        big = false;
        i += 2;
      } else if (next === 0x61) {
        align = ALIGN[bytes[i + 2]! % 48] ?? 'left';
        i += 3;
      } else if (next === 0x45) {
        bold = bytes[i + 2] === 1;
        i += 3;
      } else if (next === 0x21) {
        big = (bytes[i + 2]! & 0x30) !== 0; // ESC ! n: bits 4 and 5 are double height and width
        i += 3;
      } else if (next === 0x70) {
        // ESC p m t1 t2: a drawer pulse on pin m
        const pin = bytes[i + 2]! % 48;
        out.drawerPulses.push(pin);
        out.items.push({ kind: 'drawer', pin });
        i += 5;
      } else if (next === 0x32) i += 2;
      else i += 3; // ESC x n
    } else if (b === 0x1c) {
      i += 2; // FS & / FS .
    } else if (b === 0x1d) {
      if (next === 0x21) {
        big = bytes[i + 2] !== 0;
        i += 3;
      } else if (next === 0x28 && bytes[i + 2] === 0x6b) {
        const length = bytes[i + 3]! + bytes[i + 4]! * 256;
        const fn = bytes.subarray(i + 5, i + 5 + length);
        if (fn[0] === 0x31 && fn[1] === 0x50) {
          const data = fn.subarray(3).toString('ascii');
          out.qrs.push(data);
          out.items.push({ kind: 'qr', data });
        }
        i += 5 + length;
      } else if (next === 0x6b) {
        const type = bytes[i + 2]!;
        const length = bytes[i + 3]!;
        const payload = bytes.subarray(i + 4, i + 4 + length);
        let data = payload.toString('ascii');
        if (type === 73 && payload[0] === 0x7b) {
          data =
            payload[1] === 0x43
              ? [...payload.subarray(2)].map((n) => String(n).padStart(2, '0')).join('')
              : payload.subarray(2).toString('ascii');
        }
        out.barcodes.push(data);
        out.items.push({ kind: 'barcode', data });
        i += 4 + length;
      } else if (next === 0x76 && bytes[i + 2] === 0x30) {
        // GS v 0 m xL xH yL yH: xL + xH * 256 bytes a row, yL + yH * 256 rows
        const rowBytes = bytes[i + 4]! + bytes[i + 5]! * 256;
        const height = bytes[i + 6]! + bytes[i + 7]! * 256;
        const bits = Buffer.from(bytes.subarray(i + 8, i + 8 + rowBytes * height));
        const image = { width: rowBytes * 8, height, bits };
        out.images.push(image);
        out.items.push({ kind: 'image', image });
        i += 8 + rowBytes * height;
      } else if (next === 0x56) {
        out.cuts += 1;
        out.items.push({ kind: 'cut' });
        i += bytes[i + 2]! >= 65 ? 4 : 3;
      } else i += 3; // GS H n, GS f n, GS w n, GS h n
    } else {
      text.push(b);
      i += 1;
    }
  }
  if (text.length) flush();
  return out;
}
