import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import { isPrinterDevicePath } from '../../../src-shared/slips/printer-targets';
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

/**
 * Network printers that did not answer a status query: some print servers only ever take bytes,
 * and waiting for their answer before every slip would cost a second a slip. They are asked
 * again after the app restarts, or when `printers.status` hears from them.
 */
const silentPrinters = new Set<string>();
const tcpKey = (host: string, port: number) => `${host}:${port}`;

export const sendToPrinter: SendToPrinter = async (transport, bytes) => {
  switch (transport.kind) {
    case 'tcp': {
      const key = tcpKey(transport.host, transport.port);
      const silent = silentPrinters.has(key);
      const { answered } = await sendTcp(
        { host: transport.host, port: transport.port },
        bytes,
        silent ? { statusTimeoutMs: 0 } : {},
      );
      if (!silent && !answered) silentPrinters.add(key);
      return;
    }
    case 'file':
      // A printer device (/dev/usb/lp0, COM1) takes raw bytes like a file. Nothing else is
      // written, and nothing is created: a printer saved before the rule is refused here too.
      if (!isPrinterDevicePath(transport.path))
        throw new PrinterError('PRINTER_ADDRESS_NOT_ALLOWED', transport.path);
      try {
        await fs.writeFile(transport.path, bytes, {
          flag: fsConstants.O_WRONLY | fsConstants.O_APPEND,
        });
      } catch (error) {
        throw new PrinterError('PRINTER_UNREACHABLE', (error as Error).message);
      }
      return;
    case 'usb':
      return sendUsb(
        await usbPrinter(transport.vendorId, transport.productId, transport.path),
        bytes,
      );
  }
};

export const queryPrinterStatus: QueryPrinterStatus = async (transport) => {
  switch (transport.kind) {
    case 'tcp': {
      const state = await queryTcpStatus({ host: transport.host, port: transport.port });
      if (state) silentPrinters.delete(tcpKey(transport.host, transport.port));
      return state;
    }
    case 'file':
      if (!isPrinterDevicePath(transport.path))
        throw new PrinterError('PRINTER_ADDRESS_NOT_ALLOWED', transport.path);
      return null; // written to, never read from
    case 'usb':
      return queryUsbStatus(
        await usbPrinter(transport.vendorId, transport.productId, transport.path),
      );
  }
};
