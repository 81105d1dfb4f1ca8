import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_SCANNER_SETTINGS } from '../../../src-shared/scanner/wedge-decoder';
import { useTranslation } from 'react-i18next';
import styles from './PinPad.module.css';

export const PIN_LENGTH = 6;
const DIGIT_ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
] as const;

/** The digit a key stands for; `code` still says "Digit5" while a Chinese IME turns `key` into "Process". */
function digitOf(event: KeyboardEvent): string | null {
  const match = /^(?:Digit|Numpad)(\d)$/.exec(event.code) ?? /^(\d)$/.exec(event.key);
  return match?.[1] ?? null;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('input, textarea, [contenteditable=true]');

interface PinPadProps {
  /** Called with all six digits; the dots clear when it settles, ready for another try. */
  onSubmit(pin: string): Promise<void>;
  /** Why the last try failed; hidden as soon as the next digit is entered. */
  error?: ReactNode;
}

/** A touch-friendly PIN pad that also takes the keyboard's digits, Backspace and Escape. */
export function PinPad({ onSubmit, error }: PinPadProps) {
  const { t } = useTranslation();
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (pin: string) => {
    setBusy(true);
    try {
      await onSubmit(pin);
    } finally {
      setBusy(false);
      setDigits('');
    }
  };

  const press = (digit: string) => {
    if (busy || digits.length >= PIN_LENGTH) return;
    const next = digits + digit;
    setDigits(next);
    if (next.length === PIN_LENGTH) void submit(next);
  };
  const backspace = () => !busy && setDigits((value) => value.slice(0, -1));
  const clear = () => !busy && setDigits('');

  // A barcode scanner "types" far faster than a person: its digits must never become a PIN try
  // (a scanned coupon would burn a manager's attempts). Keys that close together are dropped,
  // with whatever they had entered, until the keyboard has been quiet for a human pause.
  const lastKeyAt = useRef(-Infinity);
  const scanning = useRef(false);
  const isScannerSpeed = (time: number) => {
    const gap = time - lastKeyAt.current;
    lastKeyAt.current = time;
    if (gap < DEFAULT_SCANNER_SETTINGS.maxAverageGapMs) scanning.current = true;
    else if (gap >= DEFAULT_SCANNER_SETTINGS.humanGapMs) scanning.current = false;
    return scanning.current;
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isScannerSpeed(event.timeStamp)) {
      if (!busy) setDigits('');
      event.preventDefault();
      return;
    }
    const digit = digitOf(event);
    if (digit) press(digit);
    else if (event.key === 'Backspace') backspace();
    else if (event.key === 'Escape') clear();
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const message = busy ? t('pin.pad.checking') : digits.length === 0 ? error : null;
  return (
    <div className={styles.pad}>
      <div
        className={styles.dots}
        role="img"
        aria-label={t('pin.pad.entered', { count: digits.length })}
        data-filled={digits.length}
      >
        {Array.from({ length: PIN_LENGTH }, (_, index) => (
          <span key={index} className={index < digits.length ? styles.dotFilled : styles.dot} />
        ))}
      </div>
      <div className={styles.message} role="alert">
        {message && (
          <Typography.Text type={busy ? 'secondary' : 'danger'} strong={!busy}>
            {message}
          </Typography.Text>
        )}
      </div>
      <div className={styles.keys}>
        {DIGIT_ROWS.flat().map((digit) => (
          <Button key={digit} className={styles.key} disabled={busy} onClick={() => press(digit)}>
            {digit}
          </Button>
        ))}
        <Button className={styles.keySmall} disabled={busy} onClick={clear}>
          {t('pin.pad.clear')}
        </Button>
        <Button className={styles.key} disabled={busy} onClick={() => press('0')}>
          0
        </Button>
        <Button
          className={styles.key}
          disabled={busy}
          onClick={backspace}
          aria-label={t('pin.pad.backspace')}
          icon={<ArrowLeftOutlined />}
        />
      </div>
      <Typography.Text type="secondary" className={styles.hint}>
        {t('pin.pad.keyboardHint')}
      </Typography.Text>
    </div>
  );
}
