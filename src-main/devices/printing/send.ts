import fs from 'node:fs/promises';
import type { PrinterTransport } from '../../../src-shared/contract/printing';
import { PrinterError, sendTcp } from './tcp';
import { sendUsb, usbPrinter } from './usb';

/** Sends one job's bytes to a printer, whatever its connection. */
export type SendToPrinter = (transport: PrinterTransport, bytes: Buffer) => Promise<void>;

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
