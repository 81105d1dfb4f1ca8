import { describe, expect, it } from 'vitest';
import {
  characterOf,
  DEFAULT_SCANNER_SETTINGS,
  WedgeDecoder,
  type KeyInput,
  type RejectedTyping,
  type Scan,
} from '../../../src-shared/scanner/wedge-decoder';

/** Key events for `text` typed with `gapMs` between keys, then Enter. */
function typed(text: string, gapMs: number, start = 1000, ime = false): KeyInput[] {
  const events: KeyInput[] = [...text].map((char, i) => {
    const upper = /[A-Z]/.test(char);
    const code = /\d/.test(char)
      ? `Digit${char}`
      : /[a-z]/i.test(char)
        ? `Key${char.toUpperCase()}`
        : 'Minus';
    return { key: ime ? 'Process' : char, code, shiftKey: upper, time: start + i * gapMs };
  });
  events.push({ key: 'Enter', code: 'Enter', time: start + text.length * gapMs });
  return events;
}

function feed(decoder: WedgeDecoder, events: KeyInput[]): Scan[] {
  return events.map((e) => decoder.push(e)).filter((s): s is Scan => s !== null);
}

describe('keyboard-wedge decoder', () => {
  it('turns a fast burst ending in Enter into one scan', () => {
    const scans = feed(new WedgeDecoder(), typed('49291758362019485730', 5));
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({
      text: '49291758362019485730',
      typedLength: 20,
      averageGapMs: 5,
    });
  });

  it('does not take a person typing slowly for a scanner', () => {
    expect(feed(new WedgeDecoder(), typed('49291758362019485730', 120))).toEqual([]);
    expect(feed(new WedgeDecoder(), typed('123456', 85))).toEqual([]);
  });

  it('rebuilds characters from the physical keys when a Chinese IME is active', () => {
    const scans = feed(new WedgeDecoder(), typed('SD1-AbC-9', 4, 0, true));
    expect(scans.map((s) => s.text)).toEqual(['SD1-AbC-9']);
    expect(characterOf({ key: 'Process', code: 'Digit1', shiftKey: false })).toBe('1');
    expect(characterOf({ key: 'Process', code: 'Digit1', shiftKey: true })).toBe('!');
    expect(characterOf({ key: 'Process', code: 'KeyQ', shiftKey: true })).toBe('Q');
    expect(characterOf({ key: 'Process', code: 'Numpad7' })).toBe('7');
    expect(characterOf({ key: 'Process', code: 'Period', shiftKey: false })).toBe('.');
    expect(characterOf({ key: 'ArrowLeft', code: 'ArrowLeft' })).toBeNull();
  });

  it('drops a scan interrupted by a pause or by another key', () => {
    const burst = typed('1234567890', 5);
    const paused = [
      ...burst.slice(0, 5),
      ...burst.slice(5).map((e) => ({ ...e, time: e.time + 200 })),
    ];
    expect(feed(new WedgeDecoder(), paused)).toEqual([]); // only 5 fast keys after the pause
    const arrow = [
      ...burst.slice(0, 5),
      { key: 'ArrowLeft', code: 'ArrowLeft', time: 1026 },
      ...burst.slice(5),
    ];
    expect(feed(new WedgeDecoder(), arrow)).toEqual([]);
  });

  it('keeps going after a person typed first, and honours length, prefix and Tab suffix', () => {
    const decoder = new WedgeDecoder();
    expect(
      feed(decoder, [...typed('abc', 150, 0), ...typed('98765432', 3, 5000)]).map((s) => s.text),
    ).toEqual(['98765432']);
    expect(feed(new WedgeDecoder(), typed('12345', 3))).toEqual([]); // shorter than 6
    const prefixed = new WedgeDecoder({
      ...DEFAULT_SCANNER_SETTINGS,
      minLength: 4,
      suffix: 'tab',
      prefix: '#',
    });
    const withTab = typed('#A1B2C3', 5).map((e) =>
      e.key === 'Enter' ? { ...e, key: 'Tab', code: 'Tab' } : e,
    );
    expect(feed(prefixed, withTab)).toMatchObject([{ text: 'A1B2C3', typedLength: 7 }]);
  });

  it('reads shifted letters as a scanner sends them: Shift down, then the letter', () => {
    // Recorded from a scanner in US layout, no IME: each capital is preceded by a Shift keydown.
    const events: KeyInput[] = [
      { key: 'Shift', code: 'ShiftLeft', shiftKey: true, time: 0 },
      { key: 'S', code: 'KeyS', shiftKey: true, time: 2 },
      { key: 'Shift', code: 'ShiftLeft', shiftKey: true, time: 4 },
      { key: 'D', code: 'KeyD', shiftKey: true, time: 6 },
      { key: '-', code: 'Minus', time: 8 },
      { key: '7', code: 'Digit7', time: 10 },
      { key: 'k', code: 'KeyK', time: 12 },
      { key: 'Shift', code: 'ShiftLeft', shiftKey: true, time: 14 },
      { key: 'Q', code: 'KeyQ', shiftKey: true, time: 16 },
      { key: 'Enter', code: 'Enter', time: 18 },
    ];
    expect(feed(new WedgeDecoder(), events).map((s) => s.text)).toEqual(['SD-7kQ']);
    // The same with the IME on: key is 'Process' (keyCode 229), the capitals come from Shift.
    const ime = events.map((e) => (e.key.length === 1 ? { ...e, key: 'Process' } : e));
    expect(feed(new WedgeDecoder(), ime).map((s) => s.text)).toEqual(['SD-7kQ']);
  });

  it('says what a person typed and why it is not a scan', () => {
    const rejected: RejectedTyping[] = [];
    const decoder = new WedgeDecoder(DEFAULT_SCANNER_SETTINGS, (r) => rejected.push(r));
    expect(feed(decoder, typed('4929175836', 120))).toEqual([]);
    expect(feed(decoder, typed('12', 4, 5000))).toEqual([]);
    expect(rejected).toMatchObject([
      { text: '4929175836', averageGapMs: 120, reason: 'slow' },
      { text: '12', reason: 'short' },
    ]);
    // A scan reports no rejection.
    expect(feed(decoder, typed('49291758', 5, 9000))).toHaveLength(1);
    expect(rejected).toHaveLength(2);
  });

  it('ends a scan without suffix after a quiet gap, and on custom suffix characters', () => {
    const silent = new WedgeDecoder({ ...DEFAULT_SCANNER_SETTINGS, suffix: 'none' });
    const keys = typed('6901234567892', 5).slice(0, -1); // no Enter
    expect(feed(silent, keys)).toEqual([]);
    const lastKey = keys.at(-1)!.time;
    expect(silent.idle(lastKey + 40)).toBeNull(); // still within a burst
    expect(silent.idle(lastKey + 80)).toMatchObject({ text: '6901234567892', typedLength: 13 });
    expect(silent.idle(lastKey + 200)).toBeNull(); // once

    const hash = new WedgeDecoder({
      ...DEFAULT_SCANNER_SETTINGS,
      suffix: 'custom',
      customSuffix: '#',
    });
    const withHash = typed('ABC12345#', 5).slice(0, -1);
    expect(feed(hash, withHash)).toMatchObject([{ text: 'ABC12345', typedLength: 9 }]);
  });

  it('decodes nothing when this PC reads its scanners as HID-POS only', () => {
    const hidOnly = new WedgeDecoder({ ...DEFAULT_SCANNER_SETTINGS, mode: 'hid' });
    expect(feed(hidOnly, typed('49291758362019485730', 5))).toEqual([]);
  });
});
