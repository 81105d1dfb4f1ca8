import { describe, expect, it } from 'vitest';
import { encodeSlip } from '../../../src-main/devices/printing/escpos';
import {
  findUsbPrinters,
  sendUsb,
  type UsbDeviceLike,
  type UsbEndpointLike,
} from '../../../src-main/devices/printing/usb';
import { testPage } from '../../../src-shared/slips/templates';
import { decodeEscPos } from '../../support/escpos-decoder';

/** A USB printer that records what it is sent; `failAt` makes the n-th transfer fail. */
function fakePrinter(
  options: { failAt?: number; errno?: number; kernelDriver?: boolean; klass?: number } = {},
) {
  const transfers: Buffer[] = [];
  const calls: string[] = [];
  const out: UsbEndpointLike = {
    direction: 'out',
    transferType: 2,
    timeout: 0,
    transfer(data, callback) {
      if (options.failAt === transfers.length) {
        callback(Object.assign(new Error('LIBUSB_ERROR'), { errno: options.errno ?? -7 }));
        return;
      }
      transfers.push(Buffer.from(data));
      setImmediate(() => callback(null));
    },
  };
  let kernelDriver = options.kernelDriver ?? true;
  const device: UsbDeviceLike = {
    deviceDescriptor: { idVendor: 0x0416, idProduct: 0x5011 },
    interfaces: [
      {
        descriptor: { bInterfaceClass: options.klass ?? 7 },
        endpoints: [out],
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
    open: () => calls.push('open'),
    close: () => calls.push('close'),
  };
  return { device, transfers, calls, out };
}

describe('USB printing', () => {
  it('detaches the kernel driver, claims, writes in chunks, then releases', async () => {
    const printer = fakePrinter();
    const bytes = encodeSlip(testPage(58, { printerName: 'USB', atText: '2026-11-21 10:00' }));
    await sendUsb(printer.device, bytes, { chunkSize: 64, timeoutMs: 2000 });
    expect(printer.calls).toEqual(['open', 'detach', 'claim', 'release', 'close']);
    expect(printer.transfers.length).toBe(Math.ceil(bytes.length / 64));
    expect(printer.out.timeout).toBe(2000);
    expect(decodeEscPos(Buffer.concat(printer.transfers)).lines.map((l) => l.text)).toContain(
      '打印测试',
    );
  });

  it('reports a stall, a timeout and an unplugged cable, and always releases the printer', async () => {
    for (const [errno, code] of [
      [4, 'PRINTER_DISCONNECTED'],
      [-7, 'PRINTER_TIMEOUT'],
      [-4, 'PRINTER_DISCONNECTED'],
    ] as const) {
      const printer = fakePrinter({ failAt: 2, errno });
      await expect(
        sendUsb(printer.device, Buffer.alloc(1000, 0x41), { chunkSize: 100 }),
      ).rejects.toMatchObject({ code });
      expect(printer.transfers).toHaveLength(2);
      expect(printer.calls.slice(-2)).toEqual(['release', 'close']);
    }
  });

  it('lists only printer-class devices', () => {
    const printer = fakePrinter();
    const keyboard = fakePrinter({ klass: 3 });
    expect(findUsbPrinters([printer.device, keyboard.device])).toEqual([
      { vendorId: 0x0416, productId: 0x5011 },
    ]);
  });
});
