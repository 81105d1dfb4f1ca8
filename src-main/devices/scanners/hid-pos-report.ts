// HID-POS barcode scanners (USB HID usage page 0x8C, "HID Point of Sale Usage Tables") send each
// scan as input reports instead of key presses. The scanned-data report, as Honeywell, Zebra and
// Newland scanners lay it out (64 bytes as node-hid reads them, report id first):
//
//   [0]      report id 0x02 (scanned data)
//   [1]      number of data bytes in this report (0..56)
//   [2..4]   AIM symbology identifier, e.g. "]Q1" (zeros when the scanner does not send it)
//   [5..60]  decoded data, padded with zeros
//   [61..62] vendor specific (Honeywell puts its own code id in [61])
//   [63]     bit 0: the scan continues in the next report (codes longer than 56 bytes)
//
// Pure: bytes in, scans out. The device layer (hid-scanners.ts) feeds it.

export const HID_POS_USAGE_PAGE = 0x8c;
export const SCANNED_DATA_REPORT_ID = 0x02;
const HEADER = 5;
const MAX_DATA = 56;
const CONTINUATION_BYTE = 63;

export interface ScanPart {
  /** The three AIM identifier characters ("]Q1"), or null when the scanner left them out. */
  aim: string | null;
  data: Uint8Array;
  continued: boolean;
}

export type ParsedReport =
  | { kind: 'scan'; part: ScanPart }
  /** Another report of the scanner (status, trigger): nothing to do. */
  | { kind: 'other'; reportId: number }
  | { kind: 'garbage'; reason: string };

export function parseHidPosReport(report: Uint8Array): ParsedReport {
  if (report.length === 0) return { kind: 'garbage', reason: 'empty report' };
  const reportId = report[0]!;
  if (reportId !== SCANNED_DATA_REPORT_ID) return { kind: 'other', reportId };
  if (report.length < HEADER) return { kind: 'garbage', reason: 'report shorter than its header' };
  const length = report[1]!;
  if (length > MAX_DATA || HEADER + length > report.length)
    return { kind: 'garbage', reason: `length ${length} beyond the report` };
  const aimBytes = report.subarray(2, 5);
  const aim =
    aimBytes[0] === 0x5d /* ] */ && aimBytes.every((b) => b >= 0x21 && b <= 0x7e)
      ? String.fromCharCode(...aimBytes)
      : null;
  // Short reports (a scanner that sends only what it uses) have no continuation byte: the end.
  const continued =
    report.length > CONTINUATION_BYTE && (report[CONTINUATION_BYTE]! & 0x01) === 0x01;
  return {
    kind: 'scan',
    part: { aim, data: report.slice(HEADER, HEADER + length), continued },
  };
}

/** AIM symbology identifiers (ISO/IEC 15424) of the codes a shop meets, by their code character. */
const AIM_SYMBOLOGIES: Record<string, string> = {
  A: 'Code 39',
  C: 'Code 128',
  E: 'EAN/UPC',
  F: 'Codabar',
  G: 'Code 93',
  I: 'Interleaved 2 of 5',
  L: 'PDF417',
  Q: 'QR Code',
  d: 'Data Matrix',
  e: 'GS1 DataBar',
  z: 'Aztec',
};

/** "]Q1" → "QR Code"; "]E0" → "EAN-13"; an unknown identifier is shown as it came. */
export function symbologyName(aim: string | null): string | null {
  if (!aim) return null;
  if (aim === ']E0') return 'EAN-13';
  if (aim === ']E4') return 'EAN-8';
  if (aim === ']C1') return 'GS1-128';
  return AIM_SYMBOLOGIES[aim[1]!] ?? aim;
}

export interface HidScan {
  data: string;
  aim: string | null;
  symbology: string | null;
}

/**
 * Joins the reports of one scan. A scan longer than one report arrives as several with the
 * continuation bit set on all but the last; the bytes are joined before decoding, so a UTF-8
 * character split between two reports comes out whole.
 */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];
  private aim: string | null = null;
  private lastAt = 0;

  /** @param staleMs a continuation that does not come within this time drops the partial scan */
  constructor(private readonly staleMs = 1000) {}

  /** Feeds one report; answers the scan it completed, if any. Garbage is dropped. */
  push(report: Uint8Array, now: number): HidScan | null {
    const parsed = parseHidPosReport(report);
    if (parsed.kind !== 'scan') return null;
    if (this.parts.length && now - this.lastAt > this.staleMs) this.parts = [];
    const { part } = parsed;
    if (!this.parts.length) this.aim = part.aim;
    this.parts.push(part.data);
    this.lastAt = now;
    if (part.continued) return null;
    const bytes = Buffer.concat(this.parts);
    this.parts = [];
    if (!bytes.length) return null;
    // Scanners send ASCII for bar codes; a QR code may hold UTF-8 (Chinese text).
    // A suffix the scanner was set to add in keyboard mode may still come along: not data.
    const data = new TextDecoder('utf-8').decode(bytes).replace(/[\r\n]+$/, '');
    if (!data) return null;
    return { data, aim: this.aim, symbology: symbologyName(this.aim) };
  }
}
