// HID-POS scanners over node-hid: find the devices whose HID usage page is 0x8C, open them, read
// their reports into scans, and follow them as they are plugged in and out. node-hid talks to
// the OS HID driver (hidraw on Linux, HID.dll on Windows), which stays attached: no driver swap,
// and the scanner goes on working for other programs. The module, the devices and the hotplug
// source are passed in, so tests drive the whole layer with fakes; nothing here may throw into
// the main process: a scanner that fails is listed with its error and tried again later.
import type { HidScanner } from '../../../src-shared/contract/scanner';
import type { Logger } from '../../../src-node/logger';
import { HID_POS_USAGE_PAGE, HidPosAssembler, type HidScan } from './hid-pos-report';

/** What node-hid's `devicesAsync()` lists (one entry per top-level collection). */
export interface HidDeviceInfo {
  path?: string | undefined;
  vendorId: number;
  productId: number;
  product?: string | undefined;
  manufacturer?: string | undefined;
  usagePage?: number | undefined;
}

/** An opened device (node-hid's HIDAsync): 'data' per input report, 'error' when reading fails. */
export interface HidDeviceHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void> | void;
}

export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidDeviceHandle>;
}

/** Calls `onChange` when USB devices may have come or gone; answers how to stop watching. */
export type HotplugWatch = (onChange: () => void) => () => void;

export interface HidScanEvent extends HidScan {
  deviceName: string;
  at: number;
}

export interface HidScannersOptions {
  hid: HidBackend;
  hotplug: HotplugWatch;
  logger: Logger;
  now: () => number;
  onScan: (scan: HidScanEvent) => void;
  onDevicesChanged: (devices: HidScanner[]) => void;
}

interface Entry {
  info: HidScanner;
  handle: HidDeviceHandle | null;
  /** After a read failure, not reopened before this (a device failing at once must not spin). */
  retryAt: number;
}

/** How long a scanner that failed reading waits before it is opened again. */
const RETRY_MS = 3000;

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

export const deviceName = (d: HidDeviceInfo): string =>
  [d.manufacturer, d.product].filter(Boolean).join(' ').trim() ||
  `HID ${hex4(d.vendorId)}:${hex4(d.productId)}`;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class HidScanners {
  private readonly entries = new Map<string, Entry>();
  private stopHotplug: (() => void) | null = null;
  /** Refreshes run one after the other; hotplug may ask for one while another runs. */
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: HidScannersOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.stopHotplug ??= this.options.hotplug(() => void this.refresh());
    await this.refresh();
  }

  /** The scanners seen, open or failed. */
  list(): HidScanner[] {
    return [...this.entries.values()].map((entry) => entry.info);
  }

  /** Looks at the devices again: opens new scanners, forgets unplugged ones, retries failed ones. */
  refresh(): Promise<void> {
    this.queue = this.queue.then(() => this.reconcile()).catch(() => undefined);
    return this.queue;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopHotplug?.();
    this.stopHotplug = null;
    await this.queue;
    const closing = [...this.entries.values()].map((entry) => this.close(entry));
    this.entries.clear();
    await Promise.all(closing);
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    let devices: HidDeviceInfo[];
    try {
      devices = await this.options.hid.devices();
    } catch (error) {
      this.options.logger.warn('hid: listing devices failed', { error: messageOf(error) });
      return;
    }
    const present = new Map<string, HidDeviceInfo>();
    for (const device of devices) {
      if (device.usagePage === HID_POS_USAGE_PAGE && device.path) present.set(device.path, device);
    }
    let changed = false;
    for (const [path, entry] of this.entries) {
      if (present.has(path)) continue;
      this.entries.delete(path);
      await this.close(entry);
      this.options.logger.info('hid: scanner unplugged', { name: entry.info.name });
      changed = true;
    }
    for (const [path, device] of present) {
      const entry = this.entries.get(path);
      if (entry?.handle || (entry && this.options.now() < entry.retryAt)) continue;
      if (this.stopped) return;
      changed = (await this.open(path, device, entry?.info.error ?? null)) || changed;
    }
    if (changed) this.announce();
  }

  /** Opens one scanner; answers whether its listing changed. */
  private async open(path: string, device: HidDeviceInfo, lastError: string | null) {
    const info: HidScanner = {
      id: path,
      name: deviceName(device),
      vendorId: device.vendorId,
      productId: device.productId,
      status: 'open',
      error: null,
    };
    let handle: HidDeviceHandle;
    try {
      handle = await this.options.hid.open(path);
    } catch (error) {
      const message = messageOf(error);
      // Tried again at every refresh: log it once, not every few seconds.
      if (message !== lastError)
        this.options.logger.warn('hid: cannot open scanner', { name: info.name, error: message });
      this.entries.set(path, {
        info: { ...info, status: 'error', error: message },
        handle: null,
        retryAt: 0,
      });
      return message !== lastError;
    }
    const entry: Entry = { info, handle, retryAt: 0 };
    this.entries.set(path, entry);
    const assembler = new HidPosAssembler();
    handle.on('data', (report) => {
      try {
        const scan = assembler.push(report, this.options.now());
        if (scan) this.options.onScan({ ...scan, deviceName: info.name, at: this.options.now() });
      } catch (error) {
        this.options.logger.error('hid: a scan could not be handled', { error: messageOf(error) });
      }
    });
    handle.on('error', (error) => void this.failed(path, entry, error));
    this.options.logger.info('hid: scanner opened', { name: info.name, path });
    return true;
  }

  /** A read error: most often the cable was pulled. Listed as failed until the next refresh. */
  private async failed(path: string, entry: Entry, error: unknown) {
    if (this.entries.get(path) !== entry || !entry.handle) return;
    const message = messageOf(error);
    this.options.logger.warn('hid: scanner read failed', { name: entry.info.name, error: message });
    await this.close(entry);
    entry.info = { ...entry.info, status: 'error', error: message };
    entry.retryAt = this.options.now() + RETRY_MS;
    this.announce();
    // If it was unplugged, this refresh forgets it; if not, a later one opens it again.
    void this.refresh();
    const retry = setTimeout(() => void this.refresh(), RETRY_MS);
    retry.unref?.();
  }

  private async close(entry: Entry) {
    const handle = entry.handle;
    entry.handle = null;
    try {
      await handle?.close();
    } catch {
      // Closing a device that is already gone fails; it is closed either way.
    }
  }

  private announce() {
    try {
      this.options.onDevicesChanged(this.list());
    } catch (error) {
      this.options.logger.error('hid: device change not delivered', { error: messageOf(error) });
    }
  }
}

/** node-hid, loaded only when HID-POS scanning is on (its addon is needed for nothing else). */
export async function systemHidBackend(): Promise<HidBackend> {
  const hid = await import('node-hid');
  return {
    devices: () => hid.devicesAsync(),
    open: (path) => hid.HIDAsync.open(path) as Promise<HidDeviceHandle>,
  };
}

/** A plugged scanner shows up as a HID device a moment after the USB attach event. */
const SETTLE_MS = 700;
export const POLL_MS = 3000;

/** Hotplug from the usb package's attach/detach events (libusb hotplug, or its own polling). */
export function usbHotplug(usb: {
  on(event: 'attach' | 'detach', listener: () => void): unknown;
  off(event: 'attach' | 'detach', listener: () => void): unknown;
}): HotplugWatch {
  return (onChange) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const listener = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(onChange, SETTLE_MS);
    };
    usb.on('attach', listener);
    usb.on('detach', listener);
    return () => {
      if (timer) clearTimeout(timer);
      usb.off('attach', listener);
      usb.off('detach', listener);
    };
  };
}

/** Hotplug by looking again every few seconds: node-hid itself has no events. */
export function pollingHotplug(intervalMs = POLL_MS): HotplugWatch {
  return (onChange) => {
    const timer = setInterval(onChange, intervalMs);
    timer.unref?.();
    return () => clearInterval(timer);
  };
}

/** usb's events where its addon loads, else polling. */
export async function systemHotplug(logger: Logger): Promise<HotplugWatch> {
  try {
    const { usb } = await import('usb');
    return usbHotplug(usb as unknown as Parameters<typeof usbHotplug>[0]);
  } catch (error) {
    logger.warn('hid: no USB hotplug events, polling instead', { error: messageOf(error) });
    return pollingHotplug();
  }
}

/** The real HID layer (node-hid + hotplug), for the Electron shell and `npm run serve`. */
export function systemHidScanners(logger: Logger, now: () => number = Date.now) {
  return async (callbacks: Pick<HidScannersOptions, 'onScan' | 'onDevicesChanged'>) =>
    new HidScanners({
      ...callbacks,
      hid: await systemHidBackend(),
      hotplug: await systemHotplug(logger),
      logger,
      now,
    });
}
