import { describe, expect, it } from 'vitest';
import { assertCanPrint, decodeStatus } from '../../../src-main/devices/printing/status';

describe('DLE EOT status bytes', () => {
  it('reads an Epson-style answer (printer, offline cause, paper sensor)', () => {
    expect(decodeStatus(Uint8Array.from([0x12, 0x12, 0x12]))).toBe('online');
    // Drawer pin high and paper near its end: still prints.
    expect(decodeStatus(Uint8Array.from([0x16, 0x12, 0x1e]))).toBe('online');
    expect(decodeStatus(Uint8Array.from([0x1a, 0x16, 0x12]))).toBe('coverOpen');
    // Out of paper: offline, the paper-end stop bit, and the roll sensor.
    expect(decodeStatus(Uint8Array.from([0x1a, 0x32, 0x72]))).toBe('paperOut');
    expect(decodeStatus(Uint8Array.from([0x12, 0x12, 0x72]))).toBe('paperOut');
    // Cover open with an empty roll: paper is what to fix first.
    expect(decodeStatus(Uint8Array.from([0x1a, 0x36, 0x72]))).toBe('paperOut');
    expect(decodeStatus(Uint8Array.from([0x1a, 0x52, 0x12]))).toBe('offline');
  });

  it('does not guess from bytes that are not status answers', () => {
    expect(decodeStatus(Uint8Array.from([0x12, 0x12]))).toBeNull();
    expect(decodeStatus(Uint8Array.from([0x41, 0x42, 0x43]))).toBeNull();
    expect(decodeStatus(Uint8Array.from([0x12, 0x12, 0x92]))).toBeNull();
  });

  it('refuses a job only when the printer said it cannot print', () => {
    expect(() => assertCanPrint('paperOut')).toThrow(
      expect.objectContaining({ code: 'PRINTER_PAPER_OUT' }),
    );
    expect(() => assertCanPrint('coverOpen')).toThrow(
      expect.objectContaining({ code: 'PRINTER_COVER_OPEN' }),
    );
    expect(() => assertCanPrint('offline')).toThrow(
      expect.objectContaining({ code: 'PRINTER_OFFLINE' }),
    );
    expect(() => assertCanPrint('online')).not.toThrow();
    expect(() => assertCanPrint(null)).not.toThrow();
  });
});
