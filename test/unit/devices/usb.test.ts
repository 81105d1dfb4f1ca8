import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { encodeSlip } from '../../../src-main/devices/printing/escpos';
import type { PrinterState } from '../../../src-main/devices/printing/status';
import {
  queryUsbStatus,
  sendUsb,
  type UsbDeviceLike,
  type UsbInEndpointLike,
  type UsbOutEndpointLike,
} from '../../../src-main/devices/printing/usb';
import {
  findUsbPrinters,
  UsbPrinterWatch,
  type UsbChange,
  type UsbModuleLike,
} from '../../../src-main/devices/printing/usb-bus';
import { testPage } from '../../../src-shared/slips/templates';
import { statusAnswer } from '../../support/capture-printer';
import { decodeEscPos } from '../../support/escpos-decoder';

interface FakeOptions {
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
function fakePrinter(options: FakeOptions = {}) {
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

const page = () => encodeSlip(testPage(58, { printerName: 'USB', atText: '2026-11-21 10:00' }));

describe('USB printing', () => {
  it('detaches the kernel driver, claims, writes in chunks, then releases', async () => {
    const printer = fakePrinter();
    const bytes = page();
    await sendUsb(printer.device, bytes, { chunkSize: 64, timeoutMs: 2000 });
    expect(printer.calls).toEqual(['open', 'detach', 'claim', 'release', 'close']);
    expect(printer.transfers.length).toBe(Math.ceil(bytes.length / 64));
    expect(printer.out.timeout).toBe(2000);
    expect(decodeEscPos(Buffer.concat(printer.transfers)).lines.map((l) => l.text)).toContain(
      '打印测试',
    );
  });

  it('reports a stall, a timeout and an unplugged cable mid-job, and always releases the printer', async () => {
    for (const [errno, code] of [
      [4, 'PRINTER_DISCONNECTED'],
      [-7, 'PRINTER_TIMEOUT'],
      [-4, 'PRINTER_DISCONNECTED'],
    ] as const) {
      const printer = fakePrinter({ failAt: 2, errno, status: 'online' });
      await expect(
        sendUsb(printer.device, Buffer.alloc(1000, 0x41), { chunkSize: 100 }),
      ).rejects.toMatchObject({ code });
      expect(printer.transfers).toHaveLength(2);
      expect(printer.calls.slice(-2)).toEqual(['release', 'close']);
    }
  });

  it('asks the status over the IN endpoint and sends nothing to a printer out of paper', async () => {
    for (const [status, code] of [
      ['paperOut', 'PRINTER_PAPER_OUT'],
      ['coverOpen', 'PRINTER_COVER_OPEN'],
      ['offline', 'PRINTER_OFFLINE'],
    ] as const) {
      const printer = fakePrinter({ status });
      await expect(sendUsb(printer.device, page())).rejects.toMatchObject({ code });
      expect(printer.transfers).toEqual([]);
      expect(printer.calls.slice(-2)).toEqual(['release', 'close']);
      expect(await queryUsbStatus(fakePrinter({ status }).device)).toBe(status);
    }
    const online = fakePrinter({ status: 'online' });
    await sendUsb(online.device, page());
    expect(decodeEscPos(Buffer.concat(online.transfers)).cuts).toBe(1);
    expect(await queryUsbStatus(online.device)).toBe('online');
  });

  it('prints to a printer that does not answer, and says its status is unknown', async () => {
    const silent = fakePrinter({ status: 'silent' });
    await sendUsb(silent.device, page(), { statusTimeoutMs: 20 });
    expect(decodeEscPos(Buffer.concat(silent.transfers)).lines.length).toBeGreaterThan(5);
    expect(await queryUsbStatus(silent.device, { statusTimeoutMs: 20 })).toBeNull();
    expect(await queryUsbStatus(fakePrinter().device)).toBeNull(); // no IN endpoint
  });
});

describe('USB printers list and hotplug', () => {
  it('lists only printer-class devices, with names when they can be read', async () => {
    const printer = fakePrinter({ names: { manufacturer: 'Xprinter', product: 'XP-58IIH' } });
    const locked = fakePrinter({ locked: true, port: 4 });
    const keyboard = fakePrinter({ klass: 3, port: 3 });
    expect(await findUsbPrinters([printer.device, keyboard.device, locked.device])).toEqual([
      {
        vendorId: 0x0416,
        productId: 0x5011,
        manufacturer: 'Xprinter',
        product: 'XP-58IIH',
        path: '1-2.1',
      },
      { vendorId: 0x0416, productId: 0x5011, manufacturer: null, product: null, path: '1-2.4' },
    ]);
  });

  it('reports printers plugged in and pulled out, ignores other devices, stops on close', async () => {
    const plugged: UsbDeviceLike[] = [fakePrinter({ port: 1 }).device];
    const emitter = new EventEmitter();
    const bus: UsbModuleLike = { getDeviceList: () => plugged, usb: emitter };
    const watch = new UsbPrinterWatch(async () => bus);
    const changes: UsbChange[] = [];
    await watch.watch((change) => changes.push(change));
    expect((await watch.list()).map((d) => d.path)).toEqual(['1-2.1']);

    const second = fakePrinter({ port: 5, names: { manufacturer: 'GP', product: 'GP-80' } });
    emitter.emit('attach', second.device);
    emitter.emit('attach', fakePrinter({ klass: 3, port: 6 }).device); // a keyboard
    await new Promise((resolve) => setImmediate(resolve));
    emitter.emit('detach', plugged[0]!);
    emitter.emit('detach', fakePrinter({ klass: 3, port: 6 }).device);
    expect(changes).toEqual([
      { change: 'attach', device: expect.objectContaining({ path: '1-2.5', product: 'GP-80' }) },
      { change: 'detach', device: expect.objectContaining({ path: '1-2.1' }) },
    ]);
    expect(emitter.listenerCount('attach')).toBe(1);
    watch.close();
    expect(emitter.listenerCount('attach') + emitter.listenerCount('detach')).toBe(0);
  });
});
