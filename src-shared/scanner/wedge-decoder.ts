// Keyboard-wedge barcode scanners "type" a code much faster than a person and end it with Enter
// (or Tab). This decoder tells the two apart by timing, in one place, for the window's global key
// listener and for Electron's before-input-event alike. Pure: key events in, scans out.

export interface KeyInput {
  /** KeyboardEvent.key; with a Chinese IME active it is 'Process' (keyCode 229). */
  key: string;
  /** KeyboardEvent.code: the physical key ('KeyA', 'Digit1'), reliable under an IME. */
  code: string;
  shiftKey?: boolean;
  /** Milliseconds (event.timeStamp or performance.now()). */
  time: number;
}

export interface ScannerSettings {
  /** Average gap between keys of a scan, at most (ms). */
  maxAverageGapMs: number;
  /** A gap this long ends any burst: a person is typing (ms). */
  humanGapMs: number;
  minLength: number;
  /** Keys that end a scan. */
  suffixKeys: string[];
  /** Characters some scanners are set to send first; stripped from the scan. */
  prefix: string;
}

export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = {
  maxAverageGapMs: 30,
  humanGapMs: 80,
  minLength: 6,
  suffixKeys: ['Enter', 'Tab'],
  prefix: '',
};

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

export class WedgeDecoder {
  private chars: { char: string; time: number }[] = [];

  constructor(private settings: ScannerSettings = DEFAULT_SCANNER_SETTINGS) {}

  configure(settings: ScannerSettings): void {
    this.settings = settings;
    this.chars = [];
  }

  /** Feeds one keydown; answers a scan when this key completed one. */
  push(event: KeyInput): Scan | null {
    const last = this.chars[this.chars.length - 1];
    if (last && event.time - last.time >= this.settings.humanGapMs) this.chars = [];
    if (
      this.settings.suffixKeys.includes(event.key) ||
      this.settings.suffixKeys.includes(event.code)
    ) {
      const scan = this.complete(event.time);
      this.chars = [];
      return scan;
    }
    const char = characterOf(event);
    if (char !== null) this.chars.push({ char, time: event.time });
    else if (!['Shift', 'CapsLock'].includes(event.key)) this.chars = []; // another key: not a scan
    return null;
  }

  /** Whether keys so far look like the start of a scan (fast enough to hold back from a field). */
  get burstLength(): number {
    return this.chars.length;
  }

  private complete(endTime: number): Scan | null {
    const { chars, settings } = this;
    if (!chars.length) return null;
    const startedAt = chars[0]!.time;
    const averageGapMs = (endTime - startedAt) / chars.length;
    let text = chars.map((c) => c.char).join('');
    if (settings.prefix) {
      if (!text.startsWith(settings.prefix)) return null;
      text = text.slice(settings.prefix.length);
    }
    if (text.length < settings.minLength || averageGapMs > settings.maxAverageGapMs) return null;
    return { text, typedLength: chars.length, startedAt, endedAt: endTime, averageGapMs };
  }
}
