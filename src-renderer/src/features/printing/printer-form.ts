// The printer form's flat values ⇄ the contract's printer fields (transport as a tagged union).
import type { InputOf } from '../../../../src-shared/contract';
import type {
  Printer,
  PrinterTransport,
  UsbDevice,
} from '../../../../src-shared/contract/printing';

export type TransportKind = PrinterTransport['kind'];

export interface PrinterFormValues {
  name: string;
  kind: TransportKind;
  host?: string;
  port?: number;
  /** The picked USB device: "vendorId:productId", "@socket" added when two of a model are in. */
  usb?: string;
  path?: string;
  widthMm: 58 | 80;
  copies: number;
  cut: Printer['cut'];
}

export const DEFAULT_PORT = 9100;

export const NEW_PRINTER: Partial<PrinterFormValues> = {
  kind: 'tcp',
  port: DEFAULT_PORT,
  widthMm: 58,
  copies: 1,
  cut: 'full',
};

/** A USB printer in the picker; the socket only when needed, so a moved cable still finds it. */
export const usbKey = (device: { vendorId: number; productId: number; path?: string }) =>
  `${device.vendorId}:${device.productId}${device.path ? `@${device.path}` : ''}`;

export const hex4 = (id: number) => id.toString(16).padStart(4, '0');

export function formValuesOf(printer: Printer): PrinterFormValues {
  const { transport } = printer;
  return {
    name: printer.name,
    kind: transport.kind,
    widthMm: printer.widthMm,
    copies: printer.copies,
    cut: printer.cut,
    ...(transport.kind === 'tcp' && { host: transport.host, port: transport.port }),
    ...(transport.kind === 'usb' && { usb: usbKey(transport), port: DEFAULT_PORT }),
    ...(transport.kind === 'file' && { path: transport.path, port: DEFAULT_PORT }),
  };
}

export function printerFieldsOf(values: PrinterFormValues): InputOf<'printers.create'> {
  const transport = ((): PrinterTransport => {
    if (values.kind === 'tcp')
      return { kind: 'tcp', host: values.host ?? '', port: values.port ?? DEFAULT_PORT };
    if (values.kind === 'file') return { kind: 'file', path: values.path ?? '' };
    const [ids = '', path] = (values.usb ?? '').split('@');
    const [vendorId = NaN, productId = NaN] = ids.split(':').map(Number);
    return { kind: 'usb', vendorId, productId, ...(path && { path }) };
  })();
  return {
    name: values.name,
    transport,
    widthMm: values.widthMm,
    copies: values.copies,
    cut: values.cut,
  };
}

/** A USB device as the picker lists it: "Xprinter XP-58 (0416:5011) · 1-2". */
export const usbLabel = (device: UsbDevice) =>
  [device.manufacturer, device.product].filter(Boolean).join(' ') +
  ` (${hex4(device.vendorId)}:${hex4(device.productId)}) · ${device.path}`;
