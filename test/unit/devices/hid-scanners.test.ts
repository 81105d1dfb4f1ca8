import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { HidScanner } from '../../../src-shared/contract/scanner';
import {
  HidScanners,
  pollingHotplug,
  usbHotplug,
  type HidScanEvent,
} from '../../../src-main/devices/scanners/hid-scanners';
import type { Logger } from '../../../src-node/logger';
import { FakeHid, KEYBOARD, manualHotplug, SCANNER, scanReport } from '../../support/hid-fakes';

const quietLogger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  const log = (message: string) => void lines.push(message);
  return { lines, info: log, warn: log, error: log };
};

function setUp() {
  const hid = new FakeHid();
  const hotplug = manualHotplug();
  const scans: HidScanEvent[] = [];
  const changes: HidScanner[][] = [];
  const logger = quietLogger();
  let now = 1_000;
  const layer = new HidScanners({
    hid,
    hotplug: hotplug.watch,
    logger,
    now: () => now,
    onScan: (scan) => scans.push(scan),
    onDevicesChanged: (devices) => changes.push(devices),
  });
  return { hid, hotplug, scans, changes, logger, layer, tick: (ms: number) => (now += ms) };
}

describe('HID-POS scanner layer', () => {
  it('opens a plugged scanner (not the keyboard), reads its scans, forgets it when unplugged', async () => {
    const { hid, hotplug, scans, changes, layer } = setUp();
    await layer.start();
    expect(layer.list()).toEqual([]);

    hid.plugged = [KEYBOARD, SCANNER];
    hotplug.fire(); // attach
    await layer.refresh();
    expect([...hid.opened.keys()]).toEqual(['/dev/hidraw3']);
    expect(layer.list()).toEqual([
      {
        id: '/dev/hidraw3',
        name: 'Honeywell 1900GSR-2',
        vendorId: 0x0c2e,
        productId: 0x0b87,
        status: 'open',
        error: null,
      },
    ]);
    expect(changes.at(-1)).toHaveLength(1);

    const device = hid.opened.get('/dev/hidraw3')!;
    device.emit('data', scanReport('6901234567892', ']E0'));
    device.emit('data', Buffer.from([0x04, 0x01])); // a status report: nothing
    device.emit(
      'data',
      scanReport('SD1:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnop', ']Q1', true),
    );
    device.emit('data', scanReport('qrstuvwxyz', ']Q1'));
    expect(scans).toMatchObject([
      { data: '6901234567892', symbology: 'EAN-13', deviceName: 'Honeywell 1900GSR-2', at: 1000 },
      {
        data: 'SD1:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz',
        symbology: 'QR Code',
      },
    ]);

    hid.plugged = [KEYBOARD];
    hotplug.fire(); // detach
    await layer.refresh();
    expect(device.closed).toBe(true);
    expect(layer.list()).toEqual([]);
    expect(changes.at(-1)).toEqual([]);
    await layer.stop();
    expect(hotplug.watching).toBe(0);
  });

  it('survives a read error: lists it failed, closes it, opens it again later', async () => {
    const { hid, layer, changes, logger, tick } = setUp();
    hid.plugged = [SCANNER];
    await layer.start();
    const first = hid.opened.get('/dev/hidraw3')!;
    first.emit('error', new Error('could not read from HID device'));
    await layer.refresh();
    expect(first.closed).toBe(true);
    expect(layer.list()[0]).toMatchObject({
      status: 'error',
      error: 'could not read from HID device',
    });
    expect(changes.some((list) => list[0]?.status === 'error')).toBe(true);
    expect(logger.lines).toContain('hid: scanner read failed');

    tick(5000);
    await layer.refresh();
    const second = hid.opened.get('/dev/hidraw3')!;
    expect(second).not.toBe(first);
    expect(layer.list()[0]).toMatchObject({ status: 'open', error: null });
    await layer.stop();
    expect(second.closed).toBe(true);
  });

  it('lists a scanner it may not open, logs it once, and never throws', async () => {
    const { hid, layer, logger } = setUp();
    hid.plugged = [SCANNER];
    hid.refuse.add('/dev/hidraw3');
    await layer.start();
    await layer.refresh();
    await layer.refresh();
    expect(layer.list()[0]).toMatchObject({
      status: 'error',
      error: 'could not open device (permission denied)',
    });
    expect(logger.lines.filter((l) => l === 'hid: cannot open scanner')).toHaveLength(1);

    // Listing itself failing, and a scan listener that throws, are logged, not thrown.
    hid.devices = () => Promise.reject(new Error('hid_enumerate failed'));
    await expect(layer.refresh()).resolves.toBeUndefined();
    expect(logger.lines).toContain('hid: listing devices failed');
    await layer.stop();

    const broken = new HidScanners({
      hid: new FakeHid(),
      hotplug: manualHotplug().watch,
      logger,
      now: () => 0,
      onScan: () => {
        throw new Error('renderer gone');
      },
      onDevicesChanged: () => {},
    });
    const backend = (broken as unknown as { options: { hid: FakeHid } }).options.hid;
    backend.plugged = [SCANNER];
    await broken.start();
    expect(() =>
      backend.opened.get('/dev/hidraw3')!.emit('data', scanReport('12345678')),
    ).not.toThrow();
    expect(logger.lines).toContain('hid: a scan could not be handled');
    await broken.stop();
  });

  it('hears hotplug from usb attach/detach (settled), or polls', async () => {
    const usb = new EventEmitter();
    let changes = 0;
    const stop = usbHotplug(usb)(() => changes++);
    usb.emit('attach');
    usb.emit('detach');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(changes).toBe(1); // one refresh for the burst of USB events
    stop();
    expect(usb.listenerCount('attach') + usb.listenerCount('detach')).toBe(0);

    let polls = 0;
    const stopPolling = pollingHotplug(20)(() => polls++);
    await new Promise((resolve) => setTimeout(resolve, 75));
    stopPolling();
    expect(polls).toBeGreaterThanOrEqual(2);
  });
});
