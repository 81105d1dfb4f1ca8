import { describe, expect, it } from 'vitest';
import {
  HidPosAssembler,
  parseHidPosReport,
  symbologyName,
} from '../../../src-main/devices/scanners/hid-pos-report';

/** A report as node-hid hands it over (report id first), from a hex dump. */
const report = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s/g, ''), 'hex'));

// Scanned-data reports (64 bytes) in the layout Honeywell, Zebra and Newland scanners use in
// HID-POS mode: id 02, length, AIM id, data, vendor bytes, continuation flag.
const EAN13 = report(
  '020d5d4530363930313233343536373839320000000000000000000000000000' +
    '0000000000000000000000000000000000000000000000000000000000640000',
);
// A 78-character coupon QR: 56 bytes with the continuation bit, then the last 22.
const QR_FIRST = report(
  '02385d51315344313a68747470733a2f2f6d2e73746f72656465736b2e636e2f' +
    '632f365a334b2d385157582d4d3254422d375234502d484e35443f7369730001',
);
const QR_LAST = report(
  '02165d5131673d513976586b324c6d5438775033725962356e5a630000000000' +
    '0000000000000000000000000000000000000000000000000000000000730000',
);
// Chinese text in a QR code, its UTF-8 split in the middle of a character between two reports.
const UTF8_FIRST = report(
  '02075d5131e5ba97e58aa1e90000000000000000000000000000000000000000' +
    '0000000000000000000000000000000000000000000000000000000000730001',
);
const UTF8_LAST = report(
  '02115d5131809a2de4bc98e683a0e588b820c2a5323000000000000000000000' +
    '0000000000000000000000000000000000000000000000000000000000730000',
);

describe('HID-POS scanned-data report', () => {
  it('reads length, AIM symbology and data of one report', () => {
    expect(EAN13).toHaveLength(64);
    const parsed = parseHidPosReport(EAN13);
    expect(parsed).toMatchObject({ kind: 'scan', part: { aim: ']E0', continued: false } });
    if (parsed.kind !== 'scan') throw new Error('not a scan');
    expect(Buffer.from(parsed.part.data).toString('latin1')).toBe('6901234567892');
    expect(new HidPosAssembler().push(EAN13, 0)).toEqual({
      data: '6901234567892',
      aim: ']E0',
      symbology: 'EAN-13',
    });
  });

  it('joins a scan continued over several reports into one', () => {
    const assembler = new HidPosAssembler();
    expect(parseHidPosReport(QR_FIRST)).toMatchObject({ part: { continued: true } });
    expect(assembler.push(QR_FIRST, 0)).toBeNull();
    expect(assembler.push(QR_LAST, 5)).toEqual({
      data: 'SD1:https://m.storedesk.cn/c/6Z3K-8QWX-M2TB-7R4P-HN5D?sig=Q9vXk2LmT8wP3rYb5nZc',
      aim: ']Q1',
      symbology: 'QR Code',
    });
    expect(assembler.push(UTF8_FIRST, 10)).toBeNull();
    expect(assembler.push(UTF8_LAST, 12)?.data).toBe('店务通-优惠券 ¥20');
  });

  it('drops garbage, other reports and a continuation that never came', () => {
    expect(parseHidPosReport(new Uint8Array())).toMatchObject({ kind: 'garbage' });
    expect(parseHidPosReport(report('0205'))).toMatchObject({ kind: 'garbage' });
    // Length 0x50 (80) is more than a report holds.
    expect(parseHidPosReport(report('02505d5131' + '41'.repeat(59)))).toMatchObject({
      kind: 'garbage',
    });
    // A status report (id 04) is not a scan.
    expect(parseHidPosReport(report('0401000000'))).toEqual({ kind: 'other', reportId: 4 });
    const assembler = new HidPosAssembler(1000);
    for (const bytes of [report('ff00ff00ff'), report('0205'), report('')])
      expect(assembler.push(bytes, 0)).toBeNull();
    // The first half of the QR, then nothing for 2 s: the next scan starts afresh.
    expect(assembler.push(QR_FIRST, 0)).toBeNull();
    expect(assembler.push(EAN13, 2000)?.data).toBe('6901234567892');
    // A short report without AIM id or continuation byte (a scanner sending only what it uses).
    expect(assembler.push(report('0206000000313233343536'), 3000)).toEqual({
      data: '123456',
      aim: null,
      symbology: null,
    });
  });

  it('names symbologies from their AIM identifiers', () => {
    expect(symbologyName(']C0')).toBe('Code 128');
    expect(symbologyName(']d2')).toBe('Data Matrix');
    expect(symbologyName(']E4')).toBe('EAN-8');
    expect(symbologyName(']X0')).toBe(']X0');
    expect(symbologyName(null)).toBeNull();
  });
});
