import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { encodeSlip } from '../../../src-main/devices/printing/escpos';
import {
  queryUsbStatus,
  sendUsb,
  usbPrinter,
  type UsbDeviceLike,
} from '../../../src-main/devices/printing/usb';
import {
  findUsbPrinters,
  UsbPrinterWatch,
  type UsbChange,
  type UsbModuleLike,
} from '../../../src-main/devices/printing/usb-bus';
import { testPage } from '../../../src-shared/slips/templates';
import { decodeEscPos } from '../../support/escpos-decoder';
import { fakePrinter } from '../../support/usb-printer';

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

  it('looks the printer up on the real bus and says when it is not plugged in', async () => {
    // The build machines have no USB printer: the real addon loads and finds none.
    await expect(usbPrinter(0x0416, 0x5011, '1-2.1')).rejects.toMatchObject({
      code: 'PRINTER_UNREACHABLE',
      detail: 'no USB device 416:5011 at 1-2.1',
    });
  });
});
