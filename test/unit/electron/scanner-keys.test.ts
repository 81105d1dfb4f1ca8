import { describe, expect, it } from 'vitest';
import { captureWedgeScans } from '../../../src-main/electron/scanner-keys';
import {
  DEFAULT_SCANNER_SETTINGS,
  type Scanned,
  type ScannerSettings,
} from '../../../src-shared/contract/scanner';
import { IPC_EVENT } from '../../../src-shared/ipc';
import { FakeWebContents } from './fakes';

/** A window whose keys main decodes, on a clock the test moves. */
function capture(initial: ScannerSettings = DEFAULT_SCANNER_SETTINGS) {
  const contents = new FakeWebContents();
  let monotonic = 0;
  let settings = initial;
  const listeners = new Set<(s: ScannerSettings) => void>();
  const stop = captureWedgeScans(contents, {
    settings: () => settings,
    onSettingsChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    monotonic: () => monotonic,
    now: () => 1_763_700_000_000,
  });
  /** Types `text` with `gapMs` between keys, then `suffix`; answers which keys were kept back. */
  const type = (text: string, gapMs: number, suffix = 'Enter', ime = false) => {
    const prevented: string[] = [];
    for (const char of text) {
      monotonic += gapMs;
      const code = /\d/.test(char) ? `Digit${char}` : `Key${char.toUpperCase()}`;
      const shift = /[A-Z]/.test(char);
      if (contents.input({ key: ime ? 'Process' : char, code, shift })) prevented.push(char);
    }
    monotonic += gapMs;
    if (contents.input({ key: suffix, code: suffix })) prevented.push(suffix);
    return prevented;
  };
  const scans = () =>
    contents.sent
      .filter((m) => m.channel === IPC_EVENT && m.args[0] === 'scanner.scanned')
      .map((m) => m.args[1] as Scanned);
  const change = (next: ScannerSettings) => {
    settings = next;
    listeners.forEach((l) => l(next));
  };
  return { contents, type, scans, change, stop, listeners };
}

describe('keyboard-wedge capture in the Electron main process', () => {
  it('turns a 5 ms burst into one scan for this window and keeps its Enter from the page', () => {
    const { type, scans } = capture();
    expect(type('49291758362019485730', 5)).toEqual(['Enter']);
    expect(scans()).toEqual([
      {
        data: '49291758362019485730',
        symbology: null,
        source: 'keyboard',
        deviceName: null,
        at: 1_763_700_000_000,
        timing: { typedLength: 20, averageGapMs: 5, durationMs: 100 },
      },
    ]);
  });

  it('leaves a person typing alone, Enter included', () => {
    const { type, scans } = capture();
    expect(type('4929175836', 120)).toEqual([]);
    expect(scans()).toEqual([]);
  });

  it('rebuilds the code from physical keys under a Chinese IME (key Process)', () => {
    const { type, scans } = capture();
    type('SD12AB34', 4, 'Enter', true);
    expect(scans().map((s) => s.data)).toEqual(['SD12AB34']);
  });

  it('ignores shortcuts and key-up events, and follows changed settings', () => {
    const { contents, type, scans, change, stop, listeners } = capture();
    expect(contents.input({ key: 'c', code: 'KeyC', control: true })).toBe(false);
    contents.input({ key: '1', code: 'Digit1', type: 'keyUp' });
    change({ ...DEFAULT_SCANNER_SETTINGS, suffix: 'tab', minLength: 4 });
    type('1234', 3, 'Enter');
    expect(scans()).toEqual([]); // Enter no longer ends a scan
    expect(type('1234', 3, 'Tab')).toEqual(['Tab']);
    change({ ...DEFAULT_SCANNER_SETTINGS, mode: 'hid' });
    type('49291758', 3);
    expect(scans().map((s) => s.data)).toEqual(['1234']);
    stop();
    expect(listeners.size).toBe(0);
    type('49291758', 3);
    expect(scans()).toHaveLength(1);
  });

  it('stops when the window goes', () => {
    const { contents, type, scans, listeners } = capture();
    contents.destroy();
    expect(listeners.size).toBe(0);
    type('49291758', 3);
    expect(scans()).toEqual([]);
  });
});
