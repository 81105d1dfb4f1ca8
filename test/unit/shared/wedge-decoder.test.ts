import { describe, expect, it } from 'vitest';
import {
  characterOf,
  WedgeDecoder,
  type KeyInput,
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
      maxAverageGapMs: 30,
      humanGapMs: 80,
      minLength: 4,
      suffixKeys: ['Tab'],
      prefix: '#',
    });
    const withTab = typed('#A1B2C3', 5).map((e) =>
      e.key === 'Enter' ? { ...e, key: 'Tab', code: 'Tab' } : e,
    );
    expect(feed(prefixed, withTab)).toMatchObject([{ text: 'A1B2C3', typedLength: 7 }]);
  });
});
