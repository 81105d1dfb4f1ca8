// Raw USB printing with the `usb` package (classic API): find the printer-class interface, take it
// from the kernel driver on Linux, claim it, and write bulk OUT transfers in chunks with a timeout.
// The device is passed in, so tests use a recording fake; only `usbTransport()` loads the addon.
import { PrinterError } from './tcp';

/** USB class 7: printers. */
export const USB_CLASS_PRINTER = 7;
const TRANSFER_TYPE_BULK = 2;
// libusb error numbers, as the usb package reports them in `errno`.
const LIBUSB_ERROR_NO_DEVICE = -4;
const LIBUSB_ERROR_TIMEOUT = -7;
const LIBUSB_TRANSFER_STALL = 4;

export interface UsbEndpointLike {
  direction: 'in' | 'out';
  transferType: number;
  timeout: number;
  transfer(data: Buffer, callback: (error?: (Error & { errno?: number }) | null) => void): unknown;
}

export interface UsbInterfaceLike {
  descriptor: { bInterfaceClass: number };
  endpoints: UsbEndpointLike[];
  isKernelDriverActive(): boolean;
  detachKernelDriver(): void;
  claim(): void;
  release(callback: (error?: Error | null) => void): void;
}

export interface UsbDeviceLike {
  deviceDescriptor: { idVendor: number; idProduct: number };
  interfaces?: UsbInterfaceLike[] | undefined;
  open(): void;
  close(): void;
}

export interface UsbPrinterInfo {
  vendorId: number;
  productId: number;
}

const isPrinter = (device: UsbDeviceLike): boolean => {
  try {
    device.open();
    try {
      return (device.interfaces ?? []).some(
        (i) => i.descriptor.bInterfaceClass === USB_CLASS_PRINTER,
      );
    } finally {
      device.close();
    }
  } catch {
    return false; // in use by another program, or no permission: not offered
  }
};

/** The printers among the connected USB devices, for the printers page's live list. */
export function findUsbPrinters(devices: UsbDeviceLike[]): UsbPrinterInfo[] {
  return devices.filter(isPrinter).map((d) => ({
    vendorId: d.deviceDescriptor.idVendor,
    productId: d.deviceDescriptor.idProduct,
  }));
}

function transferError(error: Error & { errno?: number }): PrinterError {
  if (error.errno === LIBUSB_ERROR_TIMEOUT)
    return new PrinterError(
      'PRINTER_TIMEOUT',
      'the printer did not take the data (paper out or cover open?)',
    );
  if (error.errno === LIBUSB_ERROR_NO_DEVICE)
    return new PrinterError('PRINTER_DISCONNECTED', 'the USB cable was unplugged');
  if (error.errno === LIBUSB_TRANSFER_STALL)
    return new PrinterError('PRINTER_DISCONNECTED', 'the printer stalled the transfer');
  return new PrinterError('PRINTER_DISCONNECTED', error.message);
}

/** Writes one job to a USB printer, in chunks, each within `timeoutMs`. */
export async function sendUsb(
  device: UsbDeviceLike,
  bytes: Buffer,
  options: { chunkSize?: number; timeoutMs?: number } = {},
): Promise<void> {
  const { chunkSize = 4096, timeoutMs = 5000 } = options;
  try {
    device.open();
  } catch (error) {
    throw new PrinterError(
      'PRINTER_UNREACHABLE',
      `cannot open the USB printer: ${(error as Error).message}`,
    );
  }
  const printerInterface = (device.interfaces ?? []).find(
    (i) => i.descriptor.bInterfaceClass === USB_CLASS_PRINTER,
  );
  const out = printerInterface?.endpoints.find(
    (e) => e.direction === 'out' && e.transferType === TRANSFER_TYPE_BULK,
  );
  if (!printerInterface || !out) {
    device.close();
    throw new PrinterError('PRINTER_UNSUPPORTED', 'no bulk OUT endpoint on a printer interface');
  }
  try {
    // On Linux the usblp driver holds the printer; it gets it back when we release.
    if (printerInterface.isKernelDriverActive()) printerInterface.detachKernelDriver();
    printerInterface.claim();
    out.timeout = timeoutMs;
    for (let offset = 0; offset < bytes.length; offset += chunkSize) {
      const chunk = bytes.subarray(offset, offset + chunkSize);
      await new Promise<void>((resolve, reject) =>
        out.transfer(chunk, (error) => (error ? reject(transferError(error)) : resolve())),
      );
    }
  } finally {
    await new Promise<void>((resolve) => printerInterface.release(() => resolve()));
    device.close();
  }
}

/** The real USB bus, loaded only when a USB printer is used (the addon needs a device to matter). */
export async function usbPrinter(vendorId: number, productId: number): Promise<UsbDeviceLike> {
  const { findByIds } = await import('usb');
  const device = findByIds(vendorId, productId) as unknown as UsbDeviceLike | undefined;
  if (!device)
    throw new PrinterError(
      'PRINTER_UNREACHABLE',
      `no USB device ${vendorId.toString(16)}:${productId.toString(16)}`,
    );
  return device;
}
