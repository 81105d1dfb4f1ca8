import type { Scanned, ScannerSettings } from '../../src-shared/contract/scanner';
import { IPC_EVENT } from '../../src-shared/ipc';
import { WedgeDecoder, type Scan } from '../../src-shared/scanner/wedge-decoder';

/** The parts of Electron's `Input` (before-input-event) the decoder needs. */
export interface KeyboardInput {
  type: string;
  key: string;
  code: string;
  shift: boolean;
  control: boolean;
  alt: boolean;
  meta: boolean;
  isAutoRepeat: boolean;
}

/** The parts of a window's WebContents key capture uses. */
export interface CapturingContents {
  on(
    event: 'before-input-event',
    listener: (event: { preventDefault(): void }, input: KeyboardInput) => void,
  ): unknown;
  once(event: 'destroyed', listener: () => void): unknown;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface KeyCaptureDeps {
  settings: () => ScannerSettings;
  onSettingsChanged: (listener: (settings: ScannerSettings) => void) => () => void;
  /** A monotonic clock for key gaps (performance.now). */
  monotonic: () => number;
  /** Wall time for the event's `at` (Date.now). */
  now: () => number;
}

/**
 * Keyboard-wedge scans of one window, decoded in the main process from before-input-event with
 * the renderer's own decoder (src-shared/scanner). Main sees every key before the page, IME or
 * not; the scanner's Enter is kept from the page, and the scan goes to this window only, as a
 * `scanner.scanned` event on the contract's event channel. The window's DOM listener then
 * leaves routing to main, so a scan is routed once. Answers how to stop.
 */
export function captureWedgeScans(contents: CapturingContents, deps: KeyCaptureDeps): () => void {
  const decoder = new WedgeDecoder(deps.settings());
  const stopSettings = deps.onSettingsChanged((settings) => decoder.configure(settings));
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const deliver = (scan: Scan) => {
    if (contents.isDestroyed()) return;
    const payload: Scanned = {
      data: scan.text,
      symbology: null,
      source: 'keyboard',
      deviceName: null,
      at: deps.now(),
      timing: {
        typedLength: scan.typedLength,
        averageGapMs: scan.averageGapMs,
        durationMs: scan.endedAt - scan.startedAt,
      },
    };
    contents.send(IPC_EVENT, 'scanner.scanned', payload);
  };

  const listener = (event: { preventDefault(): void }, input: KeyboardInput) => {
    if (stopped || (input.type !== 'keyDown' && input.type !== 'rawKeyDown')) return;
    // Shortcuts and held keys are never part of a scan.
    if (input.control || input.alt || input.meta || input.isAutoRepeat) return;
    const scan = decoder.push({
      key: input.key,
      code: input.code,
      shiftKey: input.shift,
      time: deps.monotonic(),
    });
    if (scan) {
      // The suffix (Enter, Tab) is the scanner's, not a key for the focused field. Characters
      // (a custom suffix) have reached the field like the rest: the renderer takes them back.
      if (input.key.length !== 1) event.preventDefault();
      deliver(scan);
      return;
    }
    if (deps.settings().suffix === 'none') {
      // No suffix: the scan ends when the keys stop.
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        const quiet = decoder.idle(deps.monotonic());
        if (quiet) deliver(quiet);
      }, deps.settings().humanGapMs);
    }
  };

  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (idleTimer) clearTimeout(idleTimer);
    stopSettings();
  };
  contents.on('before-input-event', listener);
  contents.once('destroyed', stop);
  return stop;
}
