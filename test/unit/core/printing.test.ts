import { describe, expect, it } from 'vitest';
import { sendToPrinter, type SendToPrinter } from '../../../src-main/devices/printing/send';
import { PrinterError } from '../../../src-main/devices/printing/printer-error';
import { capturePrinter } from '../../support/per-test-printer';
import { couponShop } from '../../support/coupons';
import { OWNER_PIN } from '../../support/core';

async function printingShop(send?: SendToPrinter) {
  const printer = await capturePrinter();
  const shop = await couponShop(send ? { sendToPrinter: send } : {});
  const created = await shop.ok(
    'printers.create',
    { name: '前台小票机', transport: { kind: 'tcp', ...printer.target }, widthMm: 58 },
    shop.ownerToken,
  );
  await shop.ok(
    'printers.setDefault',
    { terminalId: shop.ids.terminalId, printerId: created.id },
    shop.ownerToken,
  );
  const template = await shop.activeTemplate({ description: '全场通用' });
  const issue = async (count: number) =>
    (await shop.ok('coupons.issue', { templateId: template.id, count }, shop.ownerToken)).codes;
  const idle = () => shop.core.services.printing.queue.whenIdle();
  return { ...shop, printer, printerId: created.id, issue, idle };
}

describe('the first printer', () => {
  it('added at a till becomes its default; a second one does not take over', async () => {
    const printer = await capturePrinter();
    const { ok, ids } = await couponShop();
    const { token } = await ok('auth.login', {
      staffId: ids.ownerId,
      pin: OWNER_PIN,
      terminalId: ids.terminalId,
    });
    const transport = { kind: 'tcp' as const, ...printer.target };
    const first = await ok(
      'printers.create',
      { name: '前台小票机', transport, widthMm: 58 },
      token,
    );
    expect(first.defaultFor).toEqual([ids.terminalId]);
    const second = await ok(
      'printers.create',
      { name: '后台标签机', transport, widthMm: 80 },
      token,
    );
    expect(second.defaultFor).toEqual([]);
  });
});

describe('print queue', () => {
  it('prints one slip per issued code on the terminal’s default printer', async () => {
    const { ok, fails, printer, issue, idle, cashierToken } = await printingShop();
    const codes = await issue(3);
    const job = await ok(
      'printing.printCoupons',
      { codes: codes.map((c) => c.code) },
      cashierToken,
    );
    expect(job).toMatchObject({ status: 'queued', total: 3, done: 0, printerName: '前台小票机' });
    await idle();
    const slips = await printer.waitForJobs(3);
    expect(slips).toHaveLength(3);
    expect(slips.map((s) => s.barcodes[0])).toEqual(codes.map((c) => c.code));
    for (const slip of slips) {
      expect(slip.lines.map((l) => l.text)).toEqual(
        expect.arrayContaining(['鲜果优选', '鲜果优选 新街口店', '满100减20']),
      );
      const verdict = await ok(
        'redemption.verify',
        { code: slip.qrs[0]!, order: { subtotalFen: 12000 } },
        cashierToken,
      );
      expect(verdict.valid).toBe(true);
    }
    expect((await ok('printing.jobs', {}, cashierToken))[0]).toMatchObject({
      status: 'done',
      done: 3,
    });
    expect((await fails('printing.retry', { jobId: job.id }, cashierToken)).code).toBe(
      'JOB_NOT_RETRYABLE',
    );
  });

  it('fails a job with the printer’s reason, and a retry prints only what is left', async () => {
    let failNext = false;
    const flaky: SendToPrinter = async (transport, bytes) => {
      if (failNext) {
        failNext = false;
        throw new PrinterError('PRINTER_TIMEOUT', 'paper out');
      }
      return sendToPrinter(transport, bytes);
    };
    const { ok, printer, issue, idle, cashierToken, core } = await printingShop(flaky);
    const codes = await issue(4);
    const printed = core.services.printing.queue;
    // The third slip meets a printer that stopped taking paper.
    let sent = 0;
    const unsubscribe = core.events.subscribe(
      () => cashierToken,
      (name, payload) => {
        if (
          name === 'printing.jobChanged' &&
          (payload as { done: number }).done === 2 &&
          sent++ === 0
        )
          failNext = true;
      },
    );
    const job = await ok(
      'printing.printCoupons',
      { codes: codes.map((c) => c.code) },
      cashierToken,
    );
    const failed = await printed.finished(job.id);
    unsubscribe();
    expect(failed).toMatchObject({ status: 'failed', error: 'PRINTER_TIMEOUT', done: 2 });
    expect(await printer.waitForJobs(2)).toHaveLength(2);

    await ok('printing.retry', { jobId: job.id }, cashierToken);
    await idle();
    expect((await ok('printing.jobs', {}, cashierToken))[0]).toMatchObject({
      status: 'done',
      done: 4,
    });
    expect((await printer.waitForJobs(4)).map((s) => s.barcodes[0])).toEqual(
      codes.map((c) => c.code),
    );
  });

  it('says when the printer cannot be reached, and prints nothing twice after it returns', async () => {
    const { ok, issue, cashierToken, ownerToken, printerId, printer, core } = await printingShop();
    const [code] = await issue(1);
    await printer.close();
    const job = await ok('printing.printCoupons', { codes: [code!.code] }, cashierToken);
    expect(await core.services.printing.queue.finished(job.id)).toMatchObject({
      status: 'failed',
      error: 'PRINTER_UNREACHABLE',
    });
    const other = await capturePrinter();
    await ok(
      'printers.update',
      { id: printerId, transport: { kind: 'tcp', ...other.target } },
      ownerToken,
    );
    await ok('printing.retry', { jobId: job.id }, cashierToken);
    await core.services.printing.queue.whenIdle();
    expect((await other.waitForJobs(1)).map((s) => s.barcodes[0])).toContain(code!.code);
  });

  it('reprints a done job by its id alone, each slip marked 补打; other jobs are refused', async () => {
    const { ok, fails, printer, printerId, issue, idle, cashierToken, ownerToken } =
      await printingShop();
    const codes = (await issue(2)).map((c) => c.code);
    const first = await ok('printing.printCoupons', { codes }, cashierToken);
    // Still printing: a job is printed again once it is done (or was cancelled).
    expect(await fails('printing.reprint', { jobId: first.id }, cashierToken)).toMatchObject({
      code: 'JOB_NOT_REPRINTABLE',
      details: { status: expect.stringMatching(/^(queued|printing)$/), kind: 'coupons' },
    });
    await idle();
    expect(await printer.waitForJobs(2)).toHaveLength(2);

    // Nothing but the job's id: the server kept its codes (a reload forgets the window's).
    const again = await ok('printing.reprint', { jobId: first.id }, cashierToken);
    expect(again).toMatchObject({ kind: 'coupons', total: 2, reprint: true, printerId });
    expect(again.id).not.toBe(first.id);
    await idle();
    const slips = (await printer.waitForJobs(4)).slice(2);
    expect(slips.map((slip) => slip.barcodes[0])).toEqual(codes);
    for (const slip of slips) expect(slip.lines.map((l) => l.text)).toContain('【补打】');
    const audit = await ok('audit.list', { action: 'printing.reprint' }, ownerToken);
    expect(audit.items.map((entry) => entry.targetId)).toEqual([again.id]);

    const test = await ok('printers.testPrint', { printerId }, ownerToken);
    expect((await fails('printing.reprint', { jobId: test.id }, cashierToken)).code).toBe(
      'JOB_NOT_REPRINTABLE',
    );
    expect((await fails('printing.reprint', { jobId: first.printerId }, cashierToken)).code).toBe(
      'NOT_FOUND',
    );
  });

  it('prints the test page and waits for the result', async () => {
    const { ok, printer, printerId, ownerToken } = await printingShop();
    const job = await ok('printers.testPrint', { printerId }, ownerToken);
    expect(job).toMatchObject({ status: 'done', kind: 'test', done: 1 });
    const [page] = await printer.waitForJobs(1);
    expect(page!.lines.map((l) => l.text)).toContain('打印测试');
    expect(page!.lines.some((l) => l.text.includes('￥123.45'))).toBe(true);
  });

  it('refuses unknown codes, naming the code, and a terminal without a printer, queueing nothing', async () => {
    const { ok, fails, cashierToken, ownerToken, issue, ids, printer } = await printingShop();
    const [code] = await issue(1);
    const unknown = await fails(
      'printing.printCoupons',
      { codes: [code!.code, '12345678901234567890'] },
      cashierToken,
    );
    expect(unknown).toMatchObject({
      code: 'PRINT_CODE_UNKNOWN',
      details: { code: '12345678901234567890' },
    });
    expect(unknown.message).toContain('12345678901234567890');
    expect(
      (await fails('printing.printCashback', { code: 'NOPE-NOPE' }, cashierToken)).details,
    ).toMatchObject({ code: 'NOPE-NOPE' });
    expect(await ok('printing.jobs', {}, cashierToken)).toEqual([]);
    expect(printer.jobs).toEqual([]);
    const store2 = await ok(
      'stores.create',
      { name: '第二家', districtCode: '110105' },
      ownerToken,
    );
    const terminal = store2.terminals[0]!;
    const manager = await ok(
      'staff.create',
      { name: '二店收银', role: 'cashier', pin: '223607' },
      ownerToken,
    );
    const { token } = await ok('auth.login', {
      staffId: manager.id,
      pin: '223607',
      terminalId: terminal.id,
    });
    expect((await fails('printing.printCoupons', { codes: [code!.code] }, token)).code).toBe(
      'NO_DEFAULT_PRINTER',
    );
    expect(ids.terminalId).not.toBe(terminal.id);
  });
});
