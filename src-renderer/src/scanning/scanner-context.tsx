import { App } from 'antd';
import {
  createContext,
  use,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Scanned } from '../../../src-shared/contract/scanner';
import {
  WedgeDecoder,
  type RejectedTyping,
  type Scan,
} from '../../../src-shared/scanner/wedge-decoder';
import { isTaskOrderCode } from '../../../src-shared/tasks/rules';
import { useApi } from '../api/api-context';
import { useTaskVerification } from '../features/tasks/task-scan';
import { useErrorText } from '../i18n/error-text';
import { NAV_ITEMS } from '../navigation/nav-items';
import { useScreenLock } from '../session/lock-context';
import { afterNextPaint } from './after-next-paint';
import { beep } from './beep';
import { isCouponCode } from './coupon-code';
import { useScannerSettings } from './scanner-settings';
import { removeScannedText } from './typed-text';

/** What became of a scan: said in a toast and heard as a beep. */
export interface ScanOutcome {
  ok: boolean;
  message: string;
}

/** A scan, whichever way it came: key presses (wedge) or HID-POS reports. */
export type ScanInfo = Omit<Scanned, 'data'> & { text: string };

/** A page's use for a scan ("verify this code", "find this product"); null: nothing to say. */
export type ScanHandler = (
  text: string,
  scan: ScanInfo,
) => Promise<ScanOutcome | null> | ScanOutcome | null;

interface ScannerRegistry {
  register(handler: ScanHandler): () => void;
  /** Typing that was not a scan, for the settings page's test area. */
  observeRejected(listener: (typing: RejectedTyping) => void): () => void;
}

const ScannerContext = createContext<ScannerRegistry | null>(null);

/** A keyboard-wedge scan the DOM decoder completed. */
const keyboardScan = (scan: Scan): ScanInfo => ({
  text: scan.text,
  source: 'keyboard',
  symbology: null,
  deviceName: null,
  at: Date.now(),
  timing: {
    typedLength: scan.typedLength,
    averageGapMs: scan.averageGapMs,
    durationMs: scan.endedAt - scan.startedAt,
  },
});

/** A coupon scanned on a page without a use for it waits this long for the redemption screen. */
const PENDING_SCAN_MS = 5000;

const dialogOpen = () =>
  [...document.querySelectorAll('[role="dialog"]')].some((dialog) => dialog.checkVisibility());

/**
 * The app's one scanner listener. Keyboard-wedge scans are decoded from keys (src-shared/scanner)
 * in the capture phase, before any field sees them; HID-POS scans come from the main process as
 * `scanner.scanned` events. Both go through `route()` to the page on screen.
 *
 * Inside Electron the main process decodes the keys (before-input-event) and sends keyboard
 * scans as events too: the DOM decoder then only watches, for the test area's rejected typing,
 * and never routes. So a scan is routed once, whoever decoded it.
 */
export function ScannerProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const api = useApi();
  const errorText = useErrorText();
  const verifyTask = useTaskVerification();
  const { locked } = useScreenLock();
  const settings = useScannerSettings();
  const mainDecodesKeys = api.transport === 'ipc';
  // The most recently mounted handler wins: a dialog over a page takes the scans while open.
  const handlers = useRef<ScanHandler[]>([]);
  const [rejectedListeners] = useState(() => new Set<(typing: RejectedTyping) => void>());
  const [decoder] = useState(
    () => new WedgeDecoder(undefined, (typing) => rejectedListeners.forEach((l) => l(typing))),
  );
  /** Counts handler registrations: a scan waiting for the redemption screen is handed over. */
  const [registrations, setRegistrations] = useState(0);
  useEffect(() => decoder.configure(settings), [decoder, settings]);

  /** A scan for the redemption screen, taken by its handler as soon as it has mounted. */
  const pendingScan = useRef<{ scan: ScanInfo; until: number } | null>(null);

  /**
   * Elsewhere (no page handler), a scanned coupon opens its verification on the redemption
   * screen; with a dialog open it is refused, so the dialog's work is not thrown away.
   */
  const elsewhere = useEffectEvent((scan: ScanInfo): ScanOutcome | null => {
    if (!isCouponCode(scan.text)) return { ok: false, message: t('scanner.notUsedHere') };
    if (dialogOpen()) return { ok: false, message: t('scanner.closeDialogFirst') };
    pendingScan.current = { scan, until: Date.now() + PENDING_SCAN_MS };
    void navigate(NAV_ITEMS.redeem.path);
    return null;
  });

  const deliver = useEffectEvent(async (scan: ScanInfo) => {
    const handler = handlers.current.at(-1);
    let outcome: ScanOutcome | null;
    try {
      // A phone's task QR (T1-…) is the till's task verification on every page, dialogs
      // included: no page has another use for it, and a page would take it for a coupon code.
      if (isTaskOrderCode(scan.text)) outcome = await verifyTask(scan.text);
      else outcome = handler ? await handler(scan.text, scan) : elsewhere(scan);
    } catch (error) {
      outcome = { ok: false, message: errorText(error) };
    }
    if (!outcome) return;
    const { ok, message: content } = outcome;
    // The page's own answer (the verdict) is drawn first; the tone and the toast follow in the
    // next frame, so their work (an audio context, the toast's first styles) does not hold it up.
    afterNextPaint(() => {
      beep(ok ? 'success' : 'failure');
      void message.open({ key: 'scan', type: ok ? 'success' : 'error', content, duration: 3 });
    });
  });

  /** The one way a scan reaches a page: its keys taken back out of a field, then handed over. */
  const route = useEffectEvent((scan: ScanInfo, field: EventTarget | null) => {
    if (locked) return; // the lock screen's PIN is nobody's scan
    // React handles the field's input event synchronously (a discrete event), so the page sees
    // its state as it was before the scan when the scan is handed over, at once.
    if (scan.timing) removeScannedText(field, scan.timing.typedLength, scan.text);
    void deliver(scan);
  });

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    // Shortcuts are never part of a scan; the lock screen's PIN is nobody's scan either.
    if (locked || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const scan = decoder.push({
      key: event.key,
      code: event.code,
      shiftKey: event.shiftKey,
      time: event.timeStamp,
    });
    if (!scan || mainDecodesKeys) return;
    // The scan's Enter (or Tab) is the scanner's, not a keystroke for the focused field.
    event.preventDefault();
    event.stopPropagation();
    route(keyboardScan(scan), event.target);
  });

  // Scanners set to send no suffix: the scan ends when the keys stop.
  const idleTimer = useRef<number | null>(null);
  const onKeyAfter = useEffectEvent((event: KeyboardEvent) => {
    if (settings.suffix !== 'none' || mainDecodesKeys) return;
    if (idleTimer.current !== null) window.clearTimeout(idleTimer.current);
    const target = event.target;
    idleTimer.current = window.setTimeout(() => {
      const scan = decoder.idle(performance.now());
      if (scan) route(keyboardScan(scan), target);
    }, settings.humanGapMs);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      onKeyDown(event);
      onKeyAfter(event);
    };
    window.addEventListener('keydown', listener, { capture: true });
    return () => window.removeEventListener('keydown', listener, { capture: true });
  }, []);

  // HID-POS scans, and in Electron the keyboard scans main decoded, arrive as events.
  useEffect(
    () =>
      api.on('scanner.scanned', ({ data, ...scan }) =>
        route({ ...scan, text: data }, document.activeElement),
      ),
    [api],
  );

  useEffect(() => {
    const pending = pendingScan.current;
    if (!pending || !registrations) return;
    pendingScan.current = null;
    if (pending.until > Date.now()) void deliver(pending.scan);
  }, [registrations]);

  const registry = useMemo<ScannerRegistry>(
    () => ({
      register(handler) {
        handlers.current.push(handler);
        setRegistrations((count) => count + 1);
        return () => {
          handlers.current = handlers.current.filter((other) => other !== handler);
        };
      },
      observeRejected(listener) {
        rejectedListeners.add(listener);
        return () => rejectedListeners.delete(listener);
      },
    }),
    [rejectedListeners],
  );
  return <ScannerContext value={registry}>{children}</ScannerContext>;
}

function useRegistry(): ScannerRegistry {
  const registry = use(ScannerContext);
  if (!registry) throw new Error('scanner hooks used outside <ScannerProvider>');
  return registry;
}

/** Routes the scanner's codes to `handler` while the calling component is mounted. */
export function useScanHandler(handler: ScanHandler): void {
  const registry = useRegistry();
  const handle = useEffectEvent((text: string, scan: ScanInfo) => handler(text, scan));
  useEffect(() => registry.register((text, scan) => handle(text, scan)), [registry]);
}

/** Hears typing that the decoder judged a person's, not a scanner's. */
export function useRejectedTyping(listener: (typing: RejectedTyping) => void): void {
  const registry = useRegistry();
  const onTyping = useEffectEvent(listener);
  useEffect(() => registry.observeRejected((typing) => onTyping(typing)), [registry]);
}
