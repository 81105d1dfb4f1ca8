/** Why a print failed, as a stable code the print queue stores (the UI translates it). */
export type PrinterErrorCode =
  | 'PRINTER_UNREACHABLE'
  | 'PRINTER_TIMEOUT'
  | 'PRINTER_DISCONNECTED'
  | 'PRINTER_UNSUPPORTED'
  | 'PRINTER_PAPER_OUT'
  | 'PRINTER_COVER_OPEN'
  | 'PRINTER_OFFLINE'
  | 'PRINTER_ADDRESS_NOT_ALLOWED';

export class PrinterError extends Error {
  constructor(
    readonly code: PrinterErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'PrinterError';
  }
}
