// The print queue against a printer that talks back: status (DLE EOT), faults that clear, pause
// and resume, printing straight after issuing codes, and USB printers coming and going.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { UsbModuleLike } from '../../../src-main/devices/printing/usb-bus';
import { sendToPrinter, type SendToPrinter } from '../../../src-main/devices/printing/send';
import { capturePrinter, type CaptureStatus } from '../../support/per-test-printer';
import { couponShop } from '../../support/coupons';
import { fakePrinter } from '../../support/usb-printer';

async function statusShop(options: { status?: CaptureStatus; send?: SendToPrinter } = {}) {
  const printer = await capturePrinter({ status: options.status ?? 'online' });
  const shop = await couponShop(options.send ? { sendToPrinter: options.send } : {});
  const created = await shop.ok(
    'printers.create',
    { name: '收银台小票机', transport: { kind: 'tcp', ...printer.target }, widthMm: 58 },
    shop.ownerToken,
  );
  await shop.ok(
    'printers.setDefault',
    { terminalId: shop.ids.terminalId, printerId: created.id },
    shop.ownerToken,
  );
  const template = await shop.activeTemplate();
  const issue = async (count: number) =>
    (await shop.ok('coupons.issue', { templateId: template.id, count }, shop.ownerToken)).codes.map(
      (c) => c.code,
    );
  const printing = shop.core.services.printing.queue;
  const couponCount = () =>
    (shop.core.sqlite.prepare('SELECT count(*) AS n FROM coupons').get() as { n: number }).n;
  return { ...shop, printer, printerId: created.id, template, issue, printing, couponCount };
}

describe('printer status and faults', () => {
  it('fails a job to a printer out of paper with that reason, and prints each slip once after', async () => {
    const { ok, printer, issue, printing, cashierToken } = await statusShop({ status: 'paperOut' });
    const codes = await issue(3);
    const job = await ok('printing.printCoupons', { codes }, cashierToken);
    expect(await printing.finished(job.id)).toMatchObject({
      status: 'failed',
      error: 'PRINTER_PAPER_OUT',
      done: 0,
    });
    expect(printer.jobs).toEqual([]);

    printer.setStatus('online'); // paper loaded
    await ok('printing.retry', { jobId: job.id }, cashierToken);
    expect(await printing.finished(job.id)).toMatchObject({ status: 'done', done: 3 });
    expect((await printer.waitForJobs(3)).map((s) => s.barcodes[0])).toEqual(codes);
  });

  it('stops at the slip where the paper ran out and goes on from there, nothing twice', async () => {
    let printer: Awaited<ReturnType<typeof capturePrinter>> | null = null;
    let sent = 0;
    // The roll runs out after the second slip, as the printer will say on the next query.
    const runsOut: SendToPrinter = async (transport, bytes) => {
      await sendToPrinter(transport, bytes);
      if (++sent === 2) printer!.setStatus('paperOut');
    };
    const shop = await statusShop({ send: runsOut });
    printer = shop.printer;
    const codes = await shop.issue(4);
    const job = await shop.ok('printing.printCoupons', { codes }, shop.cashierToken);
    expect(await shop.printing.finished(job.id)).toMatchObject({
      status: 'failed',
      error: 'PRINTER_PAPER_OUT',
      done: 2,
    });
    printer.setStatus('online');
    await shop.ok('printing.retry', { jobId: job.id }, shop.cashierToken);
    expect(await shop.printing.finished(job.id)).toMatchObject({ status: 'done', done: 4 });
    expect((await printer.waitForJobs(4)).map((s) => s.barcodes[0])).toEqual(codes);
  });

  it('reports the printer’s own status, cover open, and an unreachable printer as offline', async () => {
    const { ok, printer, printerId, cashierToken, ownerToken, clock } = await statusShop();
    expect(await ok('printers.status', { printerId }, cashierToken)).toEqual({
      printerId,
      status: 'online',
      error: null,
      checkedAt: clock.now(),
    });
    printer.setStatus('coverOpen');
    expect((await ok('printers.status', { printerId }, cashierToken)).status).toBe('coverOpen');
    printer.setStatus('silent');
    expect((await ok('printers.status', { printerId }, cashierToken)).status).toBe('unknown');
    await printer.close();
    expect(await ok('printers.status', { printerId }, cashierToken)).toMatchObject({
      status: 'offline',
      error: 'PRINTER_UNREACHABLE',
    });
    const file = await ok(
      'printers.create',
      { name: '并口', transport: { kind: 'file', path: '/dev/usb/lp0' } },
      ownerToken,
    );
    expect((await ok('printers.status', { printerId: file.id }, cashierToken)).status).toBe(
      'unknown',
    );
  });
});

describe('a printer that never answers status queries', () => {
  it('is waited for once, not before every slip, and asked again once it has answered', async () => {
    const { ok, printer, printerId, issue, printing, cashierToken } = await statusShop({
      status: 'silent',
    });
    const codes = await issue(3);
    const started = Date.now();
    const job = await ok('printing.printCoupons', { codes }, cashierToken);
    expect(await printing.finished(job.id)).toMatchObject({ status: 'done', done: 3 });
    expect(Date.now() - started).toBeLessThan(2500); // one status wait (1 s), not three
    expect(printer.statusQueries()).toBe(3); // DLE EOT 1, 2, 4 before the first slip only
    expect(await printer.waitForJobs(3)).toHaveLength(3);

    printer.setStatus('paperOut'); // a printer that speaks after all
    expect((await ok('printers.status', { printerId }, cashierToken)).status).toBe('paperOut');
    const next = await ok(
      'printing.printCoupons',
      { codes: [codes[0]!], reprint: true },
      cashierToken,
    );
    expect(await printing.finished(next.id)).toMatchObject({ error: 'PRINTER_PAPER_OUT' });
  });
});

describe('pause and resume', () => {
  it('holds a job after the slip on the printer and resumes from the next one', async () => {
    let release: () => void = () => undefined;
    let sent = 0;
    const gated: SendToPrinter = async (transport, bytes) => {
      if (++sent === 3) await new Promise<void>((resolve) => (release = resolve));
      await sendToPrinter(transport, bytes);
    };
    const { ok, fails, printer, issue, printing, cashierToken } = await statusShop({ send: gated });
    const codes = await issue(5);
    const job = await ok('printing.printCoupons', { codes }, cashierToken);
    while (sent < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await ok('printing.pause', { jobId: job.id }, cashierToken)).toMatchObject({
      status: 'paused',
      done: 2,
    });
    release(); // the third slip was already on its way: it finishes, the fourth waits
    await printing.whenIdle();
    expect((await ok('printing.jobs', {}, cashierToken))[0]).toMatchObject({
      status: 'paused',
      done: 3,
    });
    expect(await printer.waitForJobs(3)).toHaveLength(3);
    expect((await fails('printing.pause', { jobId: job.id }, cashierToken)).code).toBe(
      'JOB_NOT_PAUSABLE',
    );

    await ok('printing.resume', { jobId: job.id }, cashierToken);
    expect(await printing.finished(job.id)).toMatchObject({ status: 'done', done: 5 });
    expect((await printer.waitForJobs(5)).map((s) => s.barcodes[0])).toEqual(codes);
    const notPaused = await fails('printing.resume', { jobId: job.id }, cashierToken);
    expect(notPaused).toMatchObject({
      code: 'JOB_NOT_RESUMABLE',
      message: '只有已暂停的任务可以继续',
    });
  });
});

describe('print after issue', () => {
  it('issues coupons, then prints them; the output names the job', async () => {
    const { ok, printer, template, printing, ownerToken, printerId } = await statusShop();
    const issued = await ok(
      'coupons.issue',
      { templateId: template.id, count: 2, print: { printerId } },
      ownerToken,
    );
    expect(issued.printJobId).toBeDefined();
    expect(await printing.finished(issued.printJobId!)).toMatchObject({ status: 'done', done: 2 });
    expect((await printer.waitForJobs(2)).map((s) => s.barcodes[0])).toEqual(
      issued.codes.map((c) => c.code),
    );
    const plain = await ok('coupons.issue', { templateId: template.id, count: 1 }, ownerToken);
    expect(plain.printJobId).toBeUndefined();
  });

  it('issues nothing for an unknown printer; a failed print keeps the codes, a retry prints them once', async () => {
    const { ok, fails, printer, template, printing, ownerToken, printerId, couponCount } =
      await statusShop({ status: 'coverOpen' });
    const before = couponCount();
    const refused = await fails(
      'coupons.issue',
      {
        templateId: template.id,
        count: 2,
        print: { printerId: '0190f5a0-0000-7000-8000-000000000000' },
      },
      ownerToken,
    );
    expect(refused.code).toBe('PRINTER_NOT_FOUND');
    expect(couponCount()).toBe(before);
    // Codes that cannot be issued leave no print job behind either.
    const notIssued = await fails(
      'coupons.issue',
      { templateId: '0190f5a0-0000-7000-8000-000000000001', count: 1, print: { printerId } },
      ownerToken,
    );
    expect(notIssued.code).toBe('TEMPLATE_NOT_FOUND');
    expect(await ok('printing.jobs', {}, ownerToken)).toEqual([]);

    const issued = await ok(
      'coupons.issue',
      { templateId: template.id, count: 2, print: { printerId } },
      ownerToken,
    );
    expect(await printing.finished(issued.printJobId!)).toMatchObject({
      status: 'failed',
      error: 'PRINTER_COVER_OPEN',
    });
    expect(couponCount()).toBe(before + 2); // the codes stay issued
    printer.setStatus('online');
    await ok('printing.retry', { jobId: issued.printJobId! }, ownerToken);
    await printing.whenIdle();
    expect((await printer.waitForJobs(2)).map((s) => s.barcodes[0])).toEqual(
      issued.codes.map((c) => c.code),
    );
    expect(couponCount()).toBe(before + 2);
  });

  it('prints a cashback slip when a POS terminal asks for the code with print', async () => {
    const shop = await statusShop();
    await shop.activeTemplate({
      name: '苹果返现 2 元',
      rule: { type: 'cashback', rewardFen: 200 },
      scope: { productIds: [shop.products.apple.id], categories: [] },
    });
    const { key } = await shop.ok(
      'apiKeys.create',
      { terminalId: shop.ids.terminalId, label: 'POS 1' },
      shop.ownerToken,
    );
    await shop.ok(
      'stock.receive',
      { storeId: shop.ids.storeId, lines: [{ sku: 'APL-1', qty: 1 }] },
      shop.ownerToken,
    );
    const sold = await shop.core.call(
      'sales.record',
      {
        terminalSaleId: 'POS-1',
        storeId: shop.ids.storeId,
        lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: 1299 }],
      },
      { credential: key, source: 'http', allowTerminalKeys: true },
    );
    expect(sold.ok).toBe(true);
    const result = await shop.core.call(
      'cashback.requestCode',
      { sku: 'APL-1', print: {} },
      { credential: key, source: 'http', allowTerminalKeys: true },
    );
    expect(result.ok).toBe(true);
    const data = result.ok
      ? (result.data as { display: string; qrPayload: string; printJobId: string })
      : null;
    expect(await shop.printing.finished(data!.printJobId)).toMatchObject({ status: 'done' });
    const [slip] = await shop.printer.waitForJobs(1);
    expect(slip!.lines.map((l) => l.text)).toContain('返现 ￥2.00');
    expect(slip!.lines.map((l) => l.text)).toContain(data!.display);
    expect(slip!.qrs).toEqual([data!.qrPayload]);
  });
});

describe('USB printers on the printers page', () => {
  it('lists USB printers and pushes plugging in and out to managers', async () => {
    const emitter = new EventEmitter();
    const plugged = [fakePrinter({ names: { manufacturer: 'Xprinter', product: 'XP-58' } }).device];
    const bus: UsbModuleLike = { getDeviceList: () => plugged, usb: emitter };
    const shop = await couponShop({ loadUsb: async () => bus });
    const { ok, fails, ownerToken, cashierToken, core } = shop;
    expect((await fails('printers.usbDevices', {}, cashierToken)).code).toBe('FORBIDDEN');
    expect(await ok('printers.usbDevices', {}, ownerToken)).toEqual([
      {
        vendorId: 0x0416,
        productId: 0x5011,
        manufacturer: 'Xprinter',
        product: 'XP-58',
        path: '1-2.1',
      },
    ]);
    const seen: { name: string; payload: unknown }[] = [];
    const unsubscribe = core.events.subscribe(
      () => ownerToken,
      (name, payload) => {
        if (name === 'printers.usbChanged') seen.push({ name, payload });
      },
    );
    const second = fakePrinter({ port: 3 }).device;
    emitter.emit('attach', second);
    await new Promise((resolve) => setImmediate(resolve));
    emitter.emit('detach', plugged[0]!);
    unsubscribe();
    expect(seen.map((e) => e.payload)).toEqual([
      { change: 'attach', device: expect.objectContaining({ path: '1-2.3' }) },
      { change: 'detach', device: expect.objectContaining({ path: '1-2.1', product: 'XP-58' }) },
    ]);
    core.close(); // stops listening to the bus, so the addon's hotplug thread can end
    expect(emitter.listenerCount('attach') + emitter.listenerCount('detach')).toBe(0);
  });

  it('says when the USB bus cannot be used on this PC', async () => {
    const { fails, ownerToken } = await couponShop({
      loadUsb: () => Promise.reject(new Error('libusb not found')),
    });
    expect(await fails('printers.usbDevices', {}, ownerToken)).toMatchObject({
      code: 'PRINTER_UNSUPPORTED',
      details: { detail: 'libusb not found' },
    });
  });
});
