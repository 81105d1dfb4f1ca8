// A printer field is not a way to write files or reach the internet: only printer devices and
// printers on the shop network, refused with the reason, and refused again when a printer saved
// before the rule is used.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isPrinterDevicePath,
  isPrinterHost,
  isPrinterIp,
} from '../../../src-shared/slips/printer-targets';
import { couponShop } from '../../support/coupons';
import { tempDir } from '../../support/core';
import { capturePrinter } from '../../support/per-test-printer';

describe('printer addresses and device paths', () => {
  it('knows printer devices from other files', () => {
    for (const ok of ['/dev/usb/lp0', '/dev/lp1', 'COM3', 'lpt1', 'COM4:', '\\\\.\\USB001'])
      expect(isPrinterDevicePath(ok), ok).toBe(true);
    for (const bad of [
      '/tmp/planted.sh',
      '/dev/null',
      '/dev/usb/lp0/../../etc/passwd',
      '/dev/sda',
      '/etc/cron.d/x',
      'C:\\Users\\a\\x.bat',
      '\\\\server\\share\\x',
      '\\\\.\\..\\x',
      'COM1 ',
    ])
      expect(isPrinterDevicePath(bad), bad).toBe(false);
  });

  it('knows the shop network from the internet', () => {
    for (const ok of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.9',
      '172.31.255.1',
      '192.168.1.200',
      '169.254.10.10',
      '::1',
      'fe80::1',
      'fd00::2',
      '::ffff:192.168.1.5',
    ])
      expect(isPrinterIp(ok), ok).toBe(true);
    for (const bad of [
      '8.8.8.8',
      '172.32.0.1',
      '192.0.2.2',
      '100.64.0.1',
      '0.0.0.0',
      '2001:db8::1',
      '::ffff:8.8.8.8',
    ])
      expect(isPrinterIp(bad), bad).toBe(false);
    expect(isPrinterHost('printer-1.local')).toBe(true);
    expect(isPrinterHost('localhost')).toBe(true);
    for (const bad of ['8.8.8.8', '0x7f000001', '2130706433', 'a b', 'evil.example:80'])
      expect(isPrinterHost(bad), bad).toBe(false);
  });
});

describe('printers.create and printers.update', () => {
  it('refuse a file outside printer devices and a host outside the shop network, saying why', async () => {
    const shop = await couponShop();
    const folder = tempDir();
    const planted = path.join(folder, 'planted.sh');
    const file = await shop.fails(
      'printers.create',
      { name: '后门', transport: { kind: 'file', path: planted } },
      shop.ownerToken,
    );
    expect(file.code).toBe('VALIDATION_FAILED');
    expect(file.message).toContain('只能填写打印机设备');
    expect(fs.existsSync(planted)).toBe(false);

    const internet = await shop.fails(
      'printers.create',
      { name: '外网', transport: { kind: 'tcp', host: '203.0.113.7', port: 22 } },
      shop.ownerToken,
    );
    expect(internet.code).toBe('VALIDATION_FAILED');
    expect(internet.message).toContain('不能连接外网');

    const lan = await shop.ok(
      'printers.create',
      { name: '前台', transport: { kind: 'tcp', host: '192.168.1.200' } },
      shop.ownerToken,
    );
    const moved = await shop.fails(
      'printers.update',
      { id: lan.id, transport: { kind: 'tcp', host: '8.8.8.8', port: 53 } },
      shop.ownerToken,
    );
    expect(moved.code).toBe('VALIDATION_FAILED');
    const device = await shop.ok(
      'printers.create',
      { name: '并口', transport: { kind: 'file', path: '/dev/usb/lp0' } },
      shop.ownerToken,
    );
    expect(device.transport).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
  });

  it('prints on the capture printer on loopback, by address and by the name localhost', async () => {
    const printer = await capturePrinter();
    const shop = await couponShop();
    for (const host of ['127.0.0.1', 'localhost']) {
      const created = await shop.ok(
        'printers.create',
        { name: host, transport: { kind: 'tcp', host, port: printer.target.port } },
        shop.ownerToken,
      );
      expect(
        (await shop.ok('printers.status', { printerId: created.id }, shop.ownerToken)).status,
      ).toBe('online');
    }
    await printer.close();
  });
});

describe('a printer saved before the rule', () => {
  it('is listed, but neither written to nor connected to: status and print say why', async () => {
    const shop = await couponShop();
    const folder = tempDir();
    const planted = path.join(folder, 'planted.sh');
    const insert = shop.core.sqlite.prepare(
      `INSERT INTO printers (id, name, transport, width_mm, copies, cut, active, created_at)
       VALUES (?, ?, ?, 58, 1, 'full', 1, 0)`,
    );
    insert.run(
      '0190a000-0000-7000-8000-000000000001',
      '旧文件',
      JSON.stringify({ kind: 'file', path: planted }),
    );
    insert.run(
      '0190a000-0000-7000-8000-000000000002',
      '旧外网',
      JSON.stringify({ kind: 'tcp', host: '8.8.8.8', port: 9100 }),
    );
    const listed = await shop.ok('printers.list', {}, shop.ownerToken);
    expect(listed.map((p) => p.name).sort()).toEqual(['旧外网', '旧文件']);

    for (const printerId of [
      '0190a000-0000-7000-8000-000000000001',
      '0190a000-0000-7000-8000-000000000002',
    ]) {
      const status = await shop.ok('printers.status', { printerId }, shop.ownerToken);
      expect(status).toMatchObject({ status: 'offline', error: 'PRINTER_ADDRESS_NOT_ALLOWED' });
    }
    const template = await shop.activeTemplate();
    const { codes } = await shop.ok(
      'coupons.issue',
      { templateId: template.id, count: 1 },
      shop.ownerToken,
    );
    const job = await shop.ok(
      'printing.printCoupons',
      { codes: [codes[0]!.code], printerId: '0190a000-0000-7000-8000-000000000001' },
      shop.ownerToken,
    );
    expect(await shop.core.services.printing.queue.finished(job.id)).toMatchObject({
      status: 'failed',
      error: 'PRINTER_ADDRESS_NOT_ALLOWED',
    });
    expect(fs.existsSync(planted)).toBe(false);
  });
});
