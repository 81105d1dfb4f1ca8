// Keyboard-wedge barcode scanners "type" a code much faster than a person and end it with Enter
// (or Tab). This decoder tells the two apart by timing, in one place, for the window's global key
// listener and for Electron's before-input-event alike. Pure: key events in, scans out.
import { DEFAULT_SCANNER_SETTINGS, type ScannerSettings } from '../contract/scanner';

export { DEFAULT_SCANNER_SETTINGS, type ScannerSettings };

export interface KeyInput {
  /** KeyboardEvent.key; with a Chinese IME active it is 'Process' (keyCode 229). */
  key: string;
  /** KeyboardEvent.code: the physical key ('KeyA', 'Digit1'), reliable under an IME. */
  code: string;
  shiftKey?: boolean;
  /** Milliseconds (event.timeStamp or performance.now()). */
  time: number;
}

export interface Scan {
  text: string;
  /** Characters typed (including a prefix): what to take back out of a focused text field. */
  typedLength: number;
  startedAt: number;
  endedAt: number;
  averageGapMs: number;
}

const SHIFTED_DIGITS = ')!@#$%^&*(';
const PUNCTUATION: Record<string, [string, string]> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  Period: ['.', '>'],
  Comma: [',', '<'],
  Slash: ['/', '?'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backquote: ['`', '~'],
  Space: [' ', ' '],
};

/**
 * The character a key produced. Under an IME `key` is 'Process', so the character is rebuilt
 * from the physical key: scanners send plain ASCII, and US layout is what they assume.
 */
export function characterOf(event: Pick<KeyInput, 'key' | 'code' | 'shiftKey'>): string | null {
  if (event.key.length === 1) return event.key;
  if (event.key !== 'Process' && event.key !== 'Unidentified') return null;
  const { code, shiftKey = false } = event;
  let match = /^Key([A-Z])$/.exec(code);
  if (match) return shiftKey ? match[1]! : match[1]!.toLowerCase();
  match = /^Digit(\d)$/.exec(code);
  if (match) return shiftKey ? SHIFTED_DIGITS[Number(match[1])]! : match[1]!;
  match = /^Numpad(\d)$/.exec(code);
  if (match) return match[1]!;
  const punctuation = PUNCTUATION[code];
  return punctuation ? punctuation[shiftKey ? 1 : 0] : null;
}

/** Keys typed since the last scan or suffix that did not make a scan: a person, most likely. */
export interface RejectedTyping {
  text: string;
  startedAt: number;
  endedAt: number;
  averageGapMs: number;
  /** Why it is not a scan: too slow, too short, without the prefix, or broken up (pause, arrows). */
  reason: 'slow' | 'short' | 'prefix' | 'interrupted';
}

interface TypedChar {
  char: string;
  time: number;
}

/** Enough to show what a person typed in the settings page's test area. */
const MAX_REMEMBERED_TYPING = 64;

const SUFFIX_KEYS: Record<Exclude<ScannerSettings['suffix'], 'custom'>, string[]> = {
  enter: ['Enter', 'NumpadEnter'],
  tab: ['Tab'],
  none: [],
};

const averageGap = (chars: TypedChar[], endTime: number) =>
  chars.length ? (endTime - chars[0]!.time) / chars.length : Infinity;

export class WedgeDecoder {
  /** The current burst: fast keys since the last pause, other key or suffix. */
  private chars: TypedChar[] = [];
  /** Every character since the last suffix, to say what was rejected and why. */
  private typed: TypedChar[] = [];

  constructor(
    private settings: ScannerSettings = DEFAULT_SCANNER_SETTINGS,
    private readonly onRejected?: (typing: RejectedTyping) => void,
  ) {}

  configure(settings: ScannerSettings): void {
    this.settings = settings;
    this.chars = [];
    this.typed = [];
  }

  /** Feeds one keydown; answers a scan when this key completed one. */
  push(event: KeyInput): Scan | null {
    const { settings } = this;
    if (settings.mode === 'hid') return null; // keyboard-wedge scanning is off on this PC
    const last = this.chars[this.chars.length - 1];
    if (last && event.time - last.time >= settings.humanGapMs) this.chars = [];
    if (this.isSuffixKey(event)) return this.finish(event.time, this.chars);
    const char = characterOf(event);
    if (char === null) {
      if (!['Shift', 'CapsLock'].includes(event.key)) this.chars = []; // another key: not a scan
      return null;
    }
    this.chars.push({ char, time: event.time });
    this.typed.push({ char, time: event.time });
    if (this.typed.length > MAX_REMEMBERED_TYPING) this.typed.shift();
    const custom = settings.suffix === 'custom' ? settings.customSuffix : '';
    if (
      custom &&
      this.chars
        .map((c) => c.char)
        .join('')
        .endsWith(custom)
    ) {
      // The suffix characters were typed too: part of what a focused field received.
      return this.finish(event.time, this.chars, custom.length);
    }
    return null;
  }

  /**
   * For scanners set to send no suffix: called when no key came for `humanGapMs`, it ends the
   * burst. Answers the scan, if the burst was one.
   */
  idle(now: number): Scan | null {
    if (this.settings.suffix !== 'none' || this.settings.mode === 'hid') return null;
    const last = this.chars[this.chars.length - 1];
    if (!last || now - last.time < this.settings.humanGapMs) return null;
    // The last key ends it: the quiet time after it is no part of the scan's timing.
    const scan = this.evaluate(this.chars, last.time, 0).scan;
    this.chars = [];
    this.typed = [];
    return scan;
  }

  /** Keys held in the current burst (a field may show them until the scan completes). */
  get burstLength(): number {
    return this.chars.length;
  }

  private isSuffixKey(event: KeyInput): boolean {
    if (this.settings.suffix === 'custom') return false;
    const keys = SUFFIX_KEYS[this.settings.suffix];
    return keys.includes(event.key) || keys.includes(event.code);
  }

  private finish(endTime: number, chars: TypedChar[], suffixChars = 0): Scan | null {
    const { scan, reason } = this.evaluate(chars, endTime, suffixChars);
    const typed = this.typed;
    this.chars = [];
    this.typed = [];
    if (!scan && reason && typed.length) {
      this.onRejected?.({
        text: typed.map((c) => c.char).join(''),
        startedAt: typed[0]!.time,
        endedAt: endTime,
        averageGapMs: averageGap(typed, endTime),
        reason: averageGap(typed, endTime) > this.settings.maxAverageGapMs ? 'slow' : reason,
      });
    }
    return scan;
  }

  private evaluate(
    chars: TypedChar[],
    endTime: number,
    suffixChars: number,
  ): { scan: Scan | null; reason: RejectedTyping['reason'] | null } {
    const { settings } = this;
    if (!chars.length) return { scan: null, reason: this.typed.length ? 'interrupted' : null };
    const startedAt = chars[0]!.time;
    const averageGapMs = averageGap(chars, endTime);
    let text = chars
      .slice(0, chars.length - suffixChars)
      .map((c) => c.char)
      .join('');
    if (averageGapMs > settings.maxAverageGapMs) return { scan: null, reason: 'slow' };
    if (settings.prefix) {
      if (!text.startsWith(settings.prefix)) return { scan: null, reason: 'prefix' };
      text = text.slice(settings.prefix.length);
    }
    if (text.length < settings.minLength) return { scan: null, reason: 'short' };
    const scan = { text, typedLength: chars.length, startedAt, endedAt: endTime, averageGapMs };
    return { scan, reason: null };
  }
}
