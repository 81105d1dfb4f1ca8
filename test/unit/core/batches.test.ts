import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PayloadOf } from '../../../src-shared/contract';
import { couponShop } from '../../support/coupons';

async function batchShop() {
  const shop = await couponShop();
  const template = await shop.activeTemplate();
  const progress: PayloadOf<'coupons.batchProgress'>[] = [];
  shop.core.events.subscribe(
    () => shop.ownerToken,
    (name, payload) => {
      if (name === 'coupons.batchProgress')
        progress.push(payload as PayloadOf<'coupons.batchProgress'>);
    },
  );
  return { ...shop, template, progress };
}

describe('batch issue in a worker', () => {
  it('issues codes in chunks with progress, then records the finished batch', async () => {
    const { ok, core, ownerToken, cashierToken, template, progress } = await batchShop();
    const started = await ok(
      'coupons.startBatch',
      { templateId: template.id, count: 12_000 },
      ownerToken,
    );
    expect(started).toMatchObject({ status: 'running', requested: 12_000 });
    await core.services.batches.whenIdle();

    const [batch] = await ok('coupons.listBatches', { templateId: template.id }, ownerToken);
    expect(batch).toMatchObject({
      id: started.id,
      status: 'done',
      issued: 12_000,
      templateName: '满100减20',
    });
    expect(progress.map((p) => [p.done, p.status])).toEqual([
      [5000, 'running'],
      [10000, 'running'],
      [12000, 'running'],
      [12000, 'done'],
    ]);
    expect((await ok('coupons.listTemplates', {}, ownerToken))[0]!.issuedCount).toBe(12_000);
    const { code } = core.sqlite
      .prepare('SELECT code FROM coupons WHERE batch_id = ? LIMIT 1')
      .get(started.id) as {
      code: string;
    };
    expect(
      (await ok('redemption.verify', { code, order: { subtotalFen: 12000 } }, cashierToken)).valid,
    ).toBe(true);
  });

  it('stops after the current chunk when cancelled; the codes issued stay valid', async () => {
    const { ok, core, ownerToken, template, progress } = await batchShop();
    const started = await ok(
      'coupons.startBatch',
      { templateId: template.id, count: 500_000 },
      ownerToken,
    );
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (progress.length) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    await ok('coupons.cancelBatch', { batchId: started.id }, ownerToken);
    await core.services.batches.whenIdle();
    const [batch] = await ok('coupons.listBatches', {}, ownerToken);
    expect(batch!.status).toBe('cancelled');
    expect(batch!.issued).toBeGreaterThan(0);
    expect(batch!.issued).toBeLessThan(500_000);
    expect(batch!.issued % 5000).toBe(0);
    expect(
      core.sqlite.prepare('SELECT count(*) n FROM coupons WHERE batch_id = ?').get(started.id),
    ).toEqual({
      n: batch!.issued,
    });
  });

  it('refuses a batch over the issue limit, writing nothing', async () => {
    const { ok, fails, ownerToken, activeTemplate } = await batchShop();
    const limited = await activeTemplate({ name: '限量券', totalIssueLimit: 100 });
    expect(
      (await fails('coupons.startBatch', { templateId: limited.id, count: 101 }, ownerToken)).code,
    ).toBe('ISSUE_LIMIT_REACHED');
    expect(await ok('coupons.listBatches', { templateId: limited.id }, ownerToken)).toEqual([]);
  });

  it('exports a batch to CSV and XLSX with codes as text and signed QR payloads', async () => {
    const { ok, core, ownerToken, cashierToken, template } = await batchShop();
    const batch = await ok(
      'coupons.startBatch',
      { templateId: template.id, count: 300 },
      ownerToken,
    );
    await core.services.batches.whenIdle();

    const csv = await ok('coupons.exportBatch', { batchId: batch.id, format: 'csv' }, ownerToken);
    expect(csv.rows).toBe(300);
    const bytes = fs.readFileSync(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads it as UTF-8
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('券码,显示券码,二维码内容,生效时间,失效时间,状态');
    expect(lines).toHaveLength(301);
    const [code, display, qr, , , state] = lines[1]!.split(',');
    expect(state).toBe('未使用'); // in words, as the header is
    expect(code).toMatch(/^="\d{20}"$/);
    expect(display).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(
      (await ok('redemption.verify', { code: qr!, order: { subtotalFen: 12000 } }, cashierToken))
        .valid,
    ).toBe(true);

    const xlsx = await ok('coupons.exportBatch', { batchId: batch.id, format: 'xlsx' }, ownerToken);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const sheet = workbook.getWorksheet('券码')!;
    expect(sheet.rowCount).toBe(301);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^\d{20}$/);
  });
});

describe('export downloads over HTTP', () => {
  it('serves an export to managers only, and nothing outside the exports folder', async () => {
    const { startServer } = await import('../../support/server');
    const { ok, core, ownerToken, cashierToken, template } = await batchShop();
    const batch = await ok(
      'coupons.startBatch',
      { templateId: template.id, count: 10 },
      ownerToken,
    );
    await core.services.batches.whenIdle();
    const { fileName } = await ok(
      'coupons.exportBatch',
      { batchId: batch.id, format: 'csv' },
      ownerToken,
    );
    const { base } = await startServer(core);
    const download = await fetch(`${base}/api/exports/${fileName}?access_token=${ownerToken}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(fileName);
    expect((await download.text()).split('\n').filter(Boolean)).toHaveLength(11);
    expect(
      (await fetch(`${base}/api/exports/${fileName}?access_token=${cashierToken}`)).status,
    ).toBe(403);
    expect((await fetch(`${base}/api/exports/${fileName}`)).status).toBe(401);
    expect(
      (await fetch(`${base}/api/exports/..%2Fstoredesk.db?access_token=${ownerToken}`)).status,
    ).toBe(404);
  });
});

describe('codes issued directly', () => {
  it('are listed as a finished batch and can be exported later', async () => {
    const { ok, ownerToken, template } = await batchShop();
    const { batchId, codes } = await ok(
      'coupons.issue',
      { templateId: template.id, count: 3 },
      ownerToken,
    );
    const [batch] = await ok('coupons.listBatches', { templateId: template.id }, ownerToken);
    expect(batch).toMatchObject({ id: batchId, status: 'done', issued: 3, requested: 3 });
    const csv = await ok('coupons.exportBatch', { batchId, format: 'csv' }, ownerToken);
    expect(csv.rows).toBe(3);
    expect(fs.readFileSync(csv.path, 'utf8')).toContain(codes[0]!.display);
  });
});
