// Raw USB printing with the `usb` package (classic API): find the printer-class interface, take it
// from the kernel driver on Linux, claim it, ask its status over the bulk IN endpoint when it has
// one, and write bulk OUT transfers in chunks with a timeout. The device is passed in, so tests use
// a recording fake; only `usbPrinter()` loads the addon.
import { PrinterError } from './printer-error';
import { STATUS_QUERY, assertCanPrint, decodeStatus, type PrinterState } from './status';

/** USB class 7: printers. */
export const USB_CLASS_PRINTER = 7;
const TRANSFER_TYPE_BULK = 2;
// libusb error numbers, as the usb package reports them in `errno`.
const LIBUSB_ERROR_NO_DEVICE = -4;
const LIBUSB_ERROR_TIMEOUT = -7;
const LIBUSB_TRANSFER_STALL = 4;

type UsbCallbackError = (Error & { errno?: number }) | null | undefined;

export interface UsbOutEndpointLike {
  direction: 'out';
  transferType: number;
  timeout: number;
  transfer(data: Buffer, callback: (error?: UsbCallbackError) => void): unknown;
}

export interface UsbInEndpointLike {
  direction: 'in';
  transferType: number;
  timeout: number;
  transfer(length: number, callback: (error?: UsbCallbackError, data?: Buffer) => void): unknown;
}

export type UsbEndpointLike = UsbOutEndpointLike | UsbInEndpointLike;

export interface UsbInterfaceLike {
  descriptor: { bInterfaceClass: number };
  endpoints: UsbEndpointLike[];
  isKernelDriverActive(): boolean;
  detachKernelDriver(): void;
  claim(): void;
  release(callback: (error?: Error | null) => void): void;
}

export interface UsbDeviceLike {
  deviceDescriptor: {
    idVendor: number;
    idProduct: number;
    iManufacturer?: number;
    iProduct?: number;
  };
  /** Readable without opening the device (from the OS's copy of the descriptors). */
  configDescriptor?: { interfaces: { bInterfaceClass: number }[][] } | undefined;
  busNumber?: number;
  portNumbers?: number[];
  interfaces?: UsbInterfaceLike[] | undefined;
  open(): void;
  close(): void;
  getStringDescriptor?(index: number, callback: (error?: unknown, value?: string) => void): void;
}

/** "1-2.3": bus 1, port 3 of the hub on port 2. Stable while the cable stays in that socket. */
export const usbPath = (device: UsbDeviceLike): string =>
  `${device.busNumber ?? 0}-${(device.portNumbers ?? []).join('.') || '0'}`;

export interface UsbStatusOptions {
  /** How long to wait for each DLE EOT answer (0: do not ask). */
  statusTimeoutMs?: number;
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

const write = (out: UsbOutEndpointLike, chunk: Buffer) =>
  new Promise<void>((resolve, reject) =>
    out.transfer(chunk, (error) => (error ? reject(transferError(error)) : resolve())),
  );

/** One read of the IN endpoint; null when the printer sent nothing in time. */
const read = (input: UsbInEndpointLike) =>
  new Promise<Buffer | null>((resolve, reject) =>
    // A full packet: asking for less than the device sends is an overflow error in libusb.
    input.transfer(64, (error, data) => {
      if (error?.errno === LIBUSB_ERROR_TIMEOUT) resolve(null);
      else if (error) reject(transferError(error));
      else resolve(data ?? null);
    }),
  );

interface ClaimedPrinter {
  out: UsbOutEndpointLike;
  input: UsbInEndpointLike | undefined;
}

/** Opens and claims the printer interface for `work`, and always gives it back. */
async function withPrinter<T>(
  device: UsbDeviceLike,
  work: (printer: ClaimedPrinter) => Promise<T>,
): Promise<T> {
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
  const bulk = (direction: 'in' | 'out') =>
    printerInterface?.endpoints.find(
      (e) => e.direction === direction && e.transferType === TRANSFER_TYPE_BULK,
    );
  const out = bulk('out') as UsbOutEndpointLike | undefined;
  if (!printerInterface || !out) {
    device.close();
    throw new PrinterError('PRINTER_UNSUPPORTED', 'no bulk OUT endpoint on a printer interface');
  }
  try {
    // On Linux the usblp driver holds the printer; it gets it back when we release.
    if (printerInterface.isKernelDriverActive()) printerInterface.detachKernelDriver();
    printerInterface.claim();
    return await work({ out, input: bulk('in') as UsbInEndpointLike | undefined });
  } finally {
    await new Promise<void>((resolve) => printerInterface.release(() => resolve()));
    device.close();
  }
}

/** DLE EOT 1, 2, 4 over OUT, one answer byte each over IN; null if the printer stays silent. */
async function askStatus(
  { out, input }: ClaimedPrinter,
  timeoutMs: number,
): Promise<PrinterState | null> {
  if (!input || timeoutMs <= 0) return null; // a write-only printer cannot say
  input.timeout = timeoutMs;
  out.timeout = timeoutMs;
  const answers: number[] = [];
  for (let query = 0; query < STATUS_QUERY.length; query += 3) {
    await write(out, STATUS_QUERY.subarray(query, query + 3));
    const answer = await read(input);
    if (!answer?.length) return null;
    answers.push(answer[answer.length - 1]!); // the newest byte answers this query
  }
  return decodeStatus(Uint8Array.from(answers));
}

/**
 * Writes one job to a USB printer, in chunks, each within `timeoutMs`. A printer that reports
 * paper out, cover open or offline gets nothing.
 */
export async function sendUsb(
  device: UsbDeviceLike,
  bytes: Buffer,
  options: { chunkSize?: number; timeoutMs?: number } & UsbStatusOptions = {},
): Promise<void> {
  const { chunkSize = 4096, timeoutMs = 5000, statusTimeoutMs = 500 } = options;
  await withPrinter(device, async (printer) => {
    assertCanPrint(await askStatus(printer, statusTimeoutMs));
    printer.out.timeout = timeoutMs;
    for (let offset = 0; offset < bytes.length; offset += chunkSize)
      await write(printer.out, bytes.subarray(offset, offset + chunkSize));
  });
}

/** Asks a USB printer for its status alone; null when it cannot answer. */
export function queryUsbStatus(
  device: UsbDeviceLike,
  options: UsbStatusOptions = {},
): Promise<PrinterState | null> {
  return withPrinter(device, (printer) => askStatus(printer, options.statusTimeoutMs ?? 500));
}

/**
 * The printer on the real USB bus, loaded only when a USB printer is used: by vendor and product,
 * and by socket when a path is given (two printers of one model).
 */
export async function usbPrinter(
  vendorId: number,
  productId: number,
  path?: string,
): Promise<UsbDeviceLike> {
  const usb = await import('usb').catch((error: Error) => {
    throw new PrinterError('PRINTER_UNSUPPORTED', `USB is not available: ${error.message}`);
  });
  const devices = usb.getDeviceList() as unknown as UsbDeviceLike[];
  const device = devices.find(
    (d) =>
      d.deviceDescriptor.idVendor === vendorId &&
      d.deviceDescriptor.idProduct === productId &&
      (!path || usbPath(d) === path),
  );
  if (!device)
    throw new PrinterError(
      'PRINTER_UNREACHABLE',
      `no USB device ${vendorId.toString(16)}:${productId.toString(16)}${path ? ` at ${path}` : ''}`,
    );
  return device;
}
