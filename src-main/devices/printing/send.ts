import fs from 'node:fs/promises';
import type { PrinterTransport } from '../../../src-shared/contract/printing';
import { PrinterError } from './printer-error';
import type { PrinterState } from './status';
import { queryTcpStatus, sendTcp } from './tcp';
import { queryUsbStatus, sendUsb, usbPrinter } from './usb';

/**
 * Sends one job's bytes to a printer, whatever its connection. Where the connection can read
 * (TCP, USB with an IN endpoint), the printer's status is asked first and a fault refuses the job.
 */
export type SendToPrinter = (transport: PrinterTransport, bytes: Buffer) => Promise<void>;

/** The printer's own word on its state; null when its connection cannot read (a device file). */
export type QueryPrinterStatus = (transport: PrinterTransport) => Promise<PrinterState | null>;

export const sendToPrinter: SendToPrinter = async (transport, bytes) => {
  switch (transport.kind) {
    case 'tcp':
      return sendTcp({ host: transport.host, port: transport.port }, bytes);
    case 'file':
      // A Linux printer device (/dev/usb/lp0) takes raw bytes like a file.
      try {
        await fs.appendFile(transport.path, bytes);
      } catch (error) {
        throw new PrinterError('PRINTER_UNREACHABLE', (error as Error).message);
      }
      return;
    case 'usb':
      return sendUsb(await usbPrinter(transport.vendorId, transport.productId), bytes);
  }
};

export const queryPrinterStatus: QueryPrinterStatus = async (transport) => {
  switch (transport.kind) {
    case 'tcp':
      return queryTcpStatus({ host: transport.host, port: transport.port });
    case 'file':
      return null; // written to, never read from
    case 'usb':
      return queryUsbStatus(await usbPrinter(transport.vendorId, transport.productId));
  }
};
