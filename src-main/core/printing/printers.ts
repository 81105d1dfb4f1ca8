import { asc, eq } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { Printer, PrinterStatus, UsbDevice } from '../../../src-shared/contract/printing';
import type { QueryPrinterStatus, SendToPrinter } from '../../devices/printing/send';
import type { UsbPrinterWatch } from '../../devices/printing/usb-bus';
import { PrinterError } from '../../devices/printing/printer-error';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import type { Logger } from '../../../src-node/logger';
import type { StoresService } from '../stores/service';
import { printerDefaults, printers } from './schema';

type PrinterRow = typeof printers.$inferSelect;

/** How the queue reaches printers; tests hand in a failing sender or a fake USB bus. */
export interface PrinterDevices {
  send: SendToPrinter;
  status: QueryPrinterStatus;
  usb: UsbPrinterWatch;
}

/**
 * The shop's printers: their settings, each terminal's default printer, and what the devices
 * say (status, the USB printers plugged in).
 */
export class PrintersService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
    private readonly devices: Pick<PrinterDevices, 'status' | 'usb'>,
  ) {}

  list(): Printer[] {
    const rows = this.adb.db.select().from(printers).orderBy(asc(printers.createdAt)).all();
    const defaults = this.adb.db.select().from(printerDefaults).all();
    return rows.map((row) => toPrinter(row, defaults));
  }

  create(ctx: HandlerContext, input: ParsedInputOf<'printers.create'>): Printer {
    return this.adb.write(() => {
      const row: PrinterRow = { id: newId(), ...input, active: true, createdAt: this.clock.now() };
      this.adb.db.insert(printers).values(row).run();
      this.audit.record(ctx, {
        action: 'printers.create',
        targetType: 'printer',
        targetId: row.id,
        details: { name: row.name, transport: row.transport.kind, widthMm: row.widthMm },
      });
      // The first printer added at a till becomes its default: a new shop prints at once.
      const terminalId = ctx.actor.kind === 'staff' ? ctx.actor.terminalId : null;
      const hasDefault =
        terminalId !== null &&
        this.adb.db
          .select()
          .from(printerDefaults)
          .where(eq(printerDefaults.terminalId, terminalId))
          .get() !== undefined;
      if (terminalId !== null && !hasDefault)
        this.setDefault(ctx, { printerId: row.id, terminalId });
      return this.get(row.id);
    });
  }

  update(ctx: HandlerContext, input: ParsedInputOf<'printers.update'>): Printer {
    return this.adb.write(() => {
      const before = this.get(input.id);
      const { id, ...changes } = input;
      this.adb.db.update(printers).set(changes).where(eq(printers.id, id)).run();
      this.audit.record(ctx, {
        action: 'printers.update',
        targetType: 'printer',
        targetId: id,
        details: { name: before.name, fields: Object.keys(changes) },
      });
      return this.get(id);
    });
  }

  setDefault(ctx: HandlerContext, input: ParsedInputOf<'printers.setDefault'>): Printer {
    return this.adb.write(() => {
      this.get(input.printerId);
      this.stores.getTerminal(input.terminalId);
      this.adb.db
        .insert(printerDefaults)
        .values(input)
        .onConflictDoUpdate({
          target: printerDefaults.terminalId,
          set: { printerId: input.printerId },
        })
        .run();
      this.audit.record(ctx, {
        action: 'printers.setDefault',
        targetType: 'printer',
        targetId: input.printerId,
        details: { terminalId: input.terminalId },
      });
      return this.get(input.printerId);
    });
  }

  /** Asks the printer itself; a printer that cannot be reached is offline, with the reason. */
  async status(printerId: string): Promise<PrinterStatus> {
    const printer = this.get(printerId);
    const answer = (status: PrinterStatus['status'], error: string | null = null) => ({
      printerId,
      status,
      error,
      checkedAt: this.clock.now(),
    });
    try {
      return answer((await this.devices.status(printer.transport)) ?? 'unknown');
    } catch (error) {
      if (error instanceof PrinterError) return answer('offline', error.code);
      throw error;
    }
  }

  /** The USB printers plugged in now; from the first call on, plugging one in or out is pushed. */
  async usbDevices(): Promise<UsbDevice[]> {
    try {
      await this.devices.usb.watch((change) =>
        this.adb.emitAfterCommit('printers.usbChanged', change),
      );
      return await this.devices.usb.list();
    } catch (error) {
      this.logger.error('USB bus unavailable', { error });
      throw new AppError('PRINTER_UNSUPPORTED', { detail: (error as Error).message });
    }
  }

  /** Stops watching the USB bus (shutdown). */
  close(): void {
    this.devices.usb.close();
  }

  /** One printer; PRINTER_NOT_FOUND when there is none by that id. */
  get(id: string): Printer {
    const row = this.adb.db.select().from(printers).where(eq(printers.id, id)).get();
    if (!row) throw new AppError('PRINTER_NOT_FOUND', { id });
    return toPrinter(
      row,
      this.adb.db.select().from(printerDefaults).where(eq(printerDefaults.printerId, id)).all(),
    );
  }

  /** The printer a call prints on: the one it names, else its terminal's default printer. */
  forCaller(ctx: HandlerContext, printerId: string | undefined): string {
    if (printerId) return printerId;
    const actor = ctx.actor;
    const terminalId = actor.kind === 'anonymous' ? null : actor.terminalId;
    const chosen = terminalId
      ? this.adb.db
          .select()
          .from(printerDefaults)
          .where(eq(printerDefaults.terminalId, terminalId))
          .get()
      : undefined;
    if (!chosen) throw new AppError('NO_DEFAULT_PRINTER');
    return chosen.printerId;
  }
}

function toPrinter(row: PrinterRow, defaults: (typeof printerDefaults.$inferSelect)[]): Printer {
  return {
    id: row.id,
    name: row.name,
    transport: row.transport,
    widthMm: row.widthMm === 80 ? 80 : 58,
    copies: row.copies,
    cut: row.cut,
    active: row.active,
    defaultFor: defaults.filter((d) => d.printerId === row.id).map((d) => d.terminalId),
    createdAt: row.createdAt,
  };
}
