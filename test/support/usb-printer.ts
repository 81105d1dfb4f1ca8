// A USB printer for tests: the shape of a `usb` Device, recording every transfer. There is no USB
// hardware on the build machines; this stands in for it.
import type { PrinterState } from '../../src-main/devices/printing/status';
import type {
  UsbDeviceLike,
  UsbInEndpointLike,
  UsbOutEndpointLike,
} from '../../src-main/devices/printing/usb';
import { statusAnswer } from './capture-printer';

export interface FakeOptions {
  /** The n-th OUT transfer fails with `errno` (a stall, a timeout, an unplugged cable). */
  failAt?: number;
  errno?: number;
  kernelDriver?: boolean;
  klass?: number;
  /** With an IN endpoint the printer answers DLE EOT as a printer in this state ('silent': never). */
  status?: PrinterState | 'silent';
  port?: number;
  names?: { manufacturer: string; product: string };
  /** Opening fails (no permission), as on Linux without a udev rule. */
  locked?: boolean;
}

/** A USB printer that records what it is sent. */
export function fakePrinter(options: FakeOptions = {}) {
  const transfers: Buffer[] = [];
  const calls: string[] = [];
  let lastQuery: number | null = null;
  const out: UsbOutEndpointLike = {
    direction: 'out',
    transferType: 2,
    timeout: 0,
    transfer(data, callback) {
      if (data.length === 3 && data[0] === 0x10 && data[1] === 0x04) {
        lastQuery = data[2]!;
        setImmediate(() => callback(null));
        return;
      }
      if (options.failAt === transfers.length) {
        callback(Object.assign(new Error('LIBUSB_ERROR'), { errno: options.errno ?? -7 }));
        return;
      }
      transfers.push(Buffer.from(data));
      setImmediate(() => callback(null));
    },
  };
  const input: UsbInEndpointLike = {
    direction: 'in',
    transferType: 2,
    timeout: 0,
    transfer(_length, callback) {
      const state = options.status;
      if (!state || state === 'silent' || lastQuery === null)
        return setTimeout(
          () => callback(Object.assign(new Error('LIBUSB_ERROR_TIMEOUT'), { errno: -7 })),
          input.timeout,
        );
      const answer = Buffer.from([statusAnswer(state, lastQuery)]);
      lastQuery = null;
      setImmediate(() => callback(null, answer));
    },
  };
  let kernelDriver = options.kernelDriver ?? true;
  const klass = options.klass ?? 7;
  const device: UsbDeviceLike = {
    deviceDescriptor: { idVendor: 0x0416, idProduct: 0x5011, iManufacturer: 1, iProduct: 2 },
    configDescriptor: { interfaces: [[{ bInterfaceClass: klass }]] },
    busNumber: 1,
    portNumbers: [2, options.port ?? 1],
    interfaces: [
      {
        descriptor: { bInterfaceClass: klass },
        endpoints: options.status ? [out, input] : [out],
        isKernelDriverActive: () => kernelDriver,
        detachKernelDriver: () => {
          kernelDriver = false;
          calls.push('detach');
        },
        claim: () => calls.push('claim'),
        release: (callback) => {
          calls.push('release');
          callback(null);
        },
      },
    ],
    open: () => {
      if (options.locked) throw new Error('LIBUSB_ERROR_ACCESS');
      calls.push('open');
    },
    close: () => calls.push('close'),
    getStringDescriptor: (index, callback) =>
      callback(
        undefined,
        index === 1
          ? options.names?.manufacturer
          : index === 2
            ? options.names?.product
            : undefined,
      ),
  };
  return { device, transfers, calls, out };
}
