import { App } from 'antd';
import {
  createContext,
  use,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  type ReactNode,
} from 'react';
import { WedgeDecoder } from '../../../../src-shared/scanner/wedge-decoder';
import { useErrorText } from '../../i18n/error-text';
import { useScreenLock } from '../idle-lock/lock-context';
import { beep } from './beep';
import { removeScannedText } from './typed-text';

/** What became of a scan: said in a toast and heard as a beep. */
export interface ScanOutcome {
  ok: boolean;
  message: string;
}

/** A page's use for a scan ("verify this code", "find this product"); null: nothing to say. */
export type ScanHandler = (text: string) => Promise<ScanOutcome | null> | ScanOutcome | null;

interface ScannerRegistry {
  register(handler: ScanHandler): () => void;
}

const ScannerContext = createContext<ScannerRegistry | null>(null);

/**
 * The one keyboard-wedge listener of the app. It hears every key in the capture phase, before
 * any field does, tells a scanner's burst from a person's typing (src-shared/scanner), and hands
 * a finished scan to the page on screen. Pages without a use for scans register nothing, and
 * their keys pass untouched.
 */
export function ScannerProvider({ children }: { children: ReactNode }) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { locked } = useScreenLock();
  // The most recently mounted handler wins: a dialog over a page takes the scans while open.
  const handlers = useRef<ScanHandler[]>([]);

  const deliver = useEffectEvent(async (handler: ScanHandler, text: string) => {
    let outcome: ScanOutcome | null;
    try {
      outcome = await handler(text);
    } catch (error) {
      outcome = { ok: false, message: errorText(error) };
    }
    if (!outcome) return;
    beep(outcome.ok ? 'success' : 'failure');
    void message.open({
      key: 'scan',
      type: outcome.ok ? 'success' : 'error',
      content: outcome.message,
      duration: 3,
    });
  });

  const onKeyDown = useEffectEvent((event: KeyboardEvent, decoder: WedgeDecoder) => {
    // Shortcuts are never part of a scan; the lock screen's PIN is nobody's scan either.
    if (locked || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const scan = decoder.push({
      key: event.key,
      code: event.code,
      shiftKey: event.shiftKey,
      time: event.timeStamp,
    });
    const handler = handlers.current.at(-1);
    if (!scan || !handler) return;
    // The scan's Enter (or Tab) is the scanner's, not a keystroke for the focused field.
    event.preventDefault();
    event.stopPropagation();
    removeScannedText(event.target, scan.typedLength, scan.text);
    // After React has taken the field's restored value: the page sees its state as it was.
    window.setTimeout(() => void deliver(handler, scan.text), 0);
  });

  useEffect(() => {
    const decoder = new WedgeDecoder();
    const listener = (event: KeyboardEvent) => onKeyDown(event, decoder);
    window.addEventListener('keydown', listener, { capture: true });
    return () => window.removeEventListener('keydown', listener, { capture: true });
  }, []);

  const registry = useMemo<ScannerRegistry>(
    () => ({
      register(handler) {
        handlers.current.push(handler);
        return () => {
          handlers.current = handlers.current.filter((other) => other !== handler);
        };
      },
    }),
    [],
  );
  return <ScannerContext value={registry}>{children}</ScannerContext>;
}

/** Routes the scanner's codes to `handler` while the calling component is mounted. */
export function useScanHandler(handler: ScanHandler): void {
  const registry = use(ScannerContext);
  if (!registry) throw new Error('useScanHandler() outside <ScannerProvider>');
  const handle = useEffectEvent((text: string) => handler(text));
  useEffect(() => registry.register((text) => handle(text)), [registry]);
}
