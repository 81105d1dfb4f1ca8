// Real-time status (ESC/POS DLE EOT n): the printer answers one byte per query even when it is
// offline, so a job can be refused with the reason before anything is sent. Bytes per Epson's
// reference; every answer has bits 1 and 4 set and bits 0 and 7 clear.
import { PrinterError } from './printer-error';

/** DLE EOT 1 (printer), 2 (offline cause), 4 (paper roll sensor), in the order answers come. */
export const STATUS_QUERY = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
export const STATUS_ANSWER_LENGTH = 3;

export type PrinterState = 'online' | 'paperOut' | 'coverOpen' | 'offline';

const isAnswer = (byte: number) => (byte & 0x93) === 0x12;

/** Reads the three answers; null when they are not status bytes (the printer does not speak it). */
export function decodeStatus(answer: Uint8Array): PrinterState | null {
  if (answer.length < STATUS_ANSWER_LENGTH) return null;
  const [printer, cause, paper] = answer as unknown as [number, number, number];
  if (![printer, cause, paper].every(isAnswer)) return null;
  // Paper first: an empty roll also takes the printer offline and may set the error bit.
  if ((paper & 0x60) !== 0 || (cause & 0x20) !== 0) return 'paperOut';
  if ((cause & 0x04) !== 0) return 'coverOpen';
  if ((printer & 0x08) !== 0 || (cause & 0x40) !== 0) return 'offline';
  return 'online';
}

export const STATE_ERROR = {
  paperOut: 'PRINTER_PAPER_OUT',
  coverOpen: 'PRINTER_COVER_OPEN',
  offline: 'PRINTER_OFFLINE',
} as const satisfies Record<Exclude<PrinterState, 'online'>, string>;

/** Refuses a job to a printer that said it cannot print; an unknown state lets the job go. */
export function assertCanPrint(state: PrinterState | null): void {
  if (state && state !== 'online')
    throw new PrinterError(STATE_ERROR[state], `the printer reports ${state}`);
}
