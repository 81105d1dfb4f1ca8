// A HID bus for tests: node-hid's device list and opened devices, driven by hand.
import { EventEmitter } from 'node:events';
import type { HidBackend, HidDeviceInfo } from '../../src-main/devices/scanners/hid-scanners';

export const SCANNER: HidDeviceInfo = {
  path: '/dev/hidraw3',
  vendorId: 0x0c2e,
  productId: 0x0b87,
  manufacturer: 'Honeywell',
  product: '1900GSR-2',
  usagePage: 0x8c,
};
export const KEYBOARD: HidDeviceInfo = {
  path: '/dev/hidraw0',
  vendorId: 1,
  productId: 2,
  usagePage: 1,
};

/** One scanned-data report (64 bytes) carrying `text`. */
export function scanReport(text: string, aim = ']C0', continued = false): Buffer {
  const report = Buffer.alloc(64);
  report[0] = 0x02;
  report[1] = text.length;
  report.write(aim, 2, 'latin1');
  report.write(text, 5, 'latin1');
  report[63] = continued ? 1 : 0;
  return report;
}

export class FakeDevice extends EventEmitter {
  closed = false;
  close() {
    this.closed = true;
  }
}

/** node-hid as the layer sees it: a device list that tests change, devices that tests drive. */
export class FakeHid implements HidBackend {
  plugged: HidDeviceInfo[] = [];
  opened = new Map<string, FakeDevice>();
  refuse = new Set<string>();
  async devices() {
    return [...this.plugged];
  }
  async open(path: string) {
    if (this.refuse.has(path)) throw new Error('could not open device (permission denied)');
    const device = new FakeDevice();
    this.opened.set(path, device);
    return device;
  }
}

/** Hotplug that the test fires by hand. */
export function manualHotplug() {
  const listeners = new Set<() => void>();
  return {
    watch: (onChange: () => void) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    fire: () => listeners.forEach((l) => l()),
    get watching() {
      return listeners.size;
    },
  };
}
