import type { Printer, PrinterStatus } from '../../../../src-shared/contract/printing';
import { hex4 } from './printer-form';

/** The tag colour of each status a printer reports. */
export const STATUS_COLOR: Record<PrinterStatus['status'], string> = {
  online: 'success',
  paperOut: 'error',
  coverOpen: 'warning',
  offline: 'error',
  unknown: 'default',
};

/** How a printer is reached, for a list: "192.168.1.200:9100", "USB 0416:5011", "/dev/usb/lp0". */
export function addressOf(printer: Pick<Printer, 'transport'>): string {
  const { transport } = printer;
  if (transport.kind === 'tcp') return `${transport.host}:${transport.port}`;
  if (transport.kind === 'usb') {
    const ids = `USB ${hex4(transport.vendorId)}:${hex4(transport.productId)}`;
    return transport.path ? `${ids} · ${transport.path}` : ids;
  }
  return transport.path;
}
