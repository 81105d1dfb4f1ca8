// Which USB printers are plugged in, and when that changes. The `usb` module is passed in as a
// loader, so tests hand in a fake bus; the app loads the addon only when the printers page asks.
import type { UsbDevice } from '../../../src-shared/contract/printing';
import { USB_CLASS_PRINTER, usbPath, type UsbDeviceLike } from './usb';

/** The part of the `usb` package used here (its `usb` export is the hotplug event emitter). */
export interface UsbModuleLike {
  getDeviceList(): UsbDeviceLike[];
  usb: {
    on(event: 'attach' | 'detach', listener: (device: UsbDeviceLike) => void): unknown;
    off(event: 'attach' | 'detach', listener: (device: UsbDeviceLike) => void): unknown;
  };
}

export interface UsbChange {
  change: 'attach' | 'detach';
  device: UsbDevice;
}

const hasPrinterInterface = (classes: number[]) => classes.includes(USB_CLASS_PRINTER);

/** Printer class from the OS's copy of the descriptors, else by opening the device. */
function isPrinter(device: UsbDeviceLike): boolean {
  try {
    const config = device.configDescriptor;
    if (config)
      return hasPrinterInterface(config.interfaces.flat().map((alt) => alt.bInterfaceClass));
  } catch {
    // not readable on this OS without opening: fall through
  }
  try {
    device.open();
    try {
      return hasPrinterInterface(
        (device.interfaces ?? []).map((i) => i.descriptor.bInterfaceClass),
      );
    } finally {
      device.close();
    }
  } catch {
    return false; // in use by another program, or no permission: not offered
  }
}

const readString = (device: UsbDeviceLike, index: number | undefined) =>
  new Promise<string | null>((resolve) => {
    if (!index || !device.getStringDescriptor) return resolve(null);
    device.getStringDescriptor(index, (error, value) =>
      resolve(error ? null : value?.trim() || null),
    );
  });

/** Vendor and product numbers always; the names when the device can be opened to read them. */
async function describeDevice(device: UsbDeviceLike): Promise<UsbDevice> {
  const { idVendor, idProduct, iManufacturer, iProduct } = device.deviceDescriptor;
  let manufacturer: string | null = null;
  let product: string | null = null;
  try {
    device.open();
    try {
      manufacturer = await readString(device, iManufacturer);
      product = await readString(device, iProduct);
    } finally {
      device.close();
    }
  } catch {
    // no permission (Linux without a udev rule) or held by a driver: numbers only
  }
  return { vendorId: idVendor, productId: idProduct, manufacturer, product, path: usbPath(device) };
}

/** The printers among the connected USB devices, for the printers page's live list. */
export async function findUsbPrinters(devices: UsbDeviceLike[]): Promise<UsbDevice[]> {
  const printers: UsbDevice[] = [];
  for (const device of devices.filter(isPrinter)) printers.push(await describeDevice(device));
  return printers;
}

/**
 * Lists USB printers and reports them coming and going. A detached device can no longer be read,
 * so the printers seen are remembered by path to name the one that left.
 */
export class UsbPrinterWatch {
  private readonly known = new Map<string, UsbDevice>();
  private stop: (() => void) | null = null;

  constructor(private readonly load: () => Promise<UsbModuleLike>) {}

  async list(): Promise<UsbDevice[]> {
    const bus = await this.load();
    const found = await findUsbPrinters(bus.getDeviceList());
    this.known.clear();
    for (const device of found) this.known.set(device.path, device);
    return found;
  }

  /** Starts reporting attach/detach of printers (once; later calls do nothing). */
  async watch(onChange: (change: UsbChange) => void): Promise<void> {
    if (this.stop) return;
    const bus = await this.load();
    if (this.stop) return;
    const attach = (device: UsbDeviceLike) => {
      if (!isPrinter(device)) return;
      void describeDevice(device).then((described) => {
        this.known.set(described.path, described);
        onChange({ change: 'attach', device: described });
      });
    };
    const detach = (device: UsbDeviceLike) => {
      const path = usbPath(device);
      const described = this.known.get(path);
      if (!described) return; // not a printer
      this.known.delete(path);
      onChange({ change: 'detach', device: described });
    };
    bus.usb.on('attach', attach);
    bus.usb.on('detach', detach);
    // Without listeners the addon stops its hotplug thread, so the process can exit.
    this.stop = () => {
      bus.usb.off('attach', attach);
      bus.usb.off('detach', detach);
    };
  }

  close(): void {
    this.stop?.();
    this.stop = null;
  }
}

/** The real bus: the `usb` addon, loaded on first use. */
export const loadUsbModule = async (): Promise<UsbModuleLike> =>
  (await import('usb')) as unknown as UsbModuleLike;
