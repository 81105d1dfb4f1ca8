import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { setupInput } from '../../support/core';
import { inventoryShop } from '../../support/inventory';

const file = (fileName: string, bytes: Buffer) => ({
  fileName,
  contentBase64: bytes.toString('base64'),
});
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

const STORE = setupInput.store.name;
const HEADER = '单号,销售时间,门店,商品编码,条码,数量,单价,会员手机';

describe('sales import', () => {
  it('records a GBK export: rows of one sale id are one sale with several lines', async () => {
    const { ok, ownerToken, ids, products, receive, level } = await inventoryShop();
    await receive('APL-1', 20);
    await receive('MLK-1', 10);
    const gbk = iconv.encode(
      [
        HEADER,
        `X-001,2026-11-20 09:15,${STORE},APL-1,,3,12.99,13800138000`,
        `X-001,2026-11-20 09:15,${STORE},,6901234567892,1,11.99,`,
        `X-002,2026/11/20 10:02:30,${STORE},MLK-1,,2,6.5,`,
      ].join('\r\n'),
      'gbk',
    );
    const preview = await ok('sales.importPreview', file('流水.csv', gbk), ownerToken);
    expect(preview).toMatchObject({
      encoding: 'gbk',
      rowCount: 3,
      saleCount: 2,
      lineCount: 3,
      duplicateCount: 0,
      errorCount: 0,
      mapping: {
        saleId: '单号',
        soldAt: '销售时间',
        store: '门店',
        sku: '商品编码',
        barcode: '条码',
        qty: '数量',
        unitPriceYuan: '单价',
        customerPhone: '会员手机',
      },
    });
    expect(preview.rows[0]).toMatchObject({ productName: '红富士苹果', unitPriceFen: 1299 });
    expect(await level(products.apple.id)).toBe(20); // the preview writes nothing

    const done = await ok('sales.import', file('流水.csv', gbk), ownerToken);
    expect(done).toMatchObject({ recorded: 2, lines: 3, duplicates: 0 });
    expect(await level(products.apple.id)).toBe(16);
    expect(await level(products.milk.id)).toBe(8);
    const first = (await ok('sales.list', { terminalSaleId: 'X-001' }, ownerToken)).items[0]!;
    expect(first).toMatchObject({
      source: 'import',
      storeId: ids.storeId,
      subtotalFen: 3 * 1299 + 1199,
      soldAt: Date.UTC(2026, 10, 20, 1, 15), // 09:15 in Shanghai
    });
    expect(first.lines.map((l) => [l.sku, l.qty])).toEqual([
      ['APL-1', 3],
      ['APL-1', 1],
    ]);
    const second = (await ok('sales.list', { terminalSaleId: 'X-002' }, ownerToken)).items[0]!;
    expect(second.soldAt).toBe(Date.UTC(2026, 10, 20, 2, 2, 30));
  });

  it('reads an XLSX export with the store chosen in the UI and dates as Excel dates', async () => {
    const { ok, ownerToken, ids, products, receive, level } = await inventoryShop();
    await receive('MLK-1', 10);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('销售流水');
    sheet.addRow(['小票号', '交易时间', 'SKU', '销量', '成交价']);
    sheet.addRow(['R1', new Date(Date.UTC(2026, 10, 19, 18, 30)), 'MLK-1', 4, 6.5]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const done = await ok(
      'sales.import',
      { ...file('pos.xlsx', bytes), storeId: ids.storeId },
      ownerToken,
    );
    expect(done.recorded).toBe(1);
    expect(await level(products.milk.id)).toBe(6);
    const sale = (await ok('sales.list', { terminalSaleId: 'R1' }, ownerToken)).items[0]!;
    expect(sale.soldAt).toBe(Date.UTC(2026, 10, 19, 10, 30)); // 18:30 wall clock in Shanghai
  });

  it('skips the sales already recorded and says so, never doubling them', async () => {
    const { ok, ownerToken, ids, products, receive, level } = await inventoryShop();
    await receive('APL-1', 20);
    await ok(
      'sales.record',
      {
        terminalSaleId: 'X-001',
        storeId: ids.storeId,
        lines: [{ sku: 'APL-1', qty: 2, unitPriceFen: 1299 }],
      },
      ownerToken,
    );
    const bytes = csv([
      HEADER,
      `X-001,2026-11-20 09:15,${STORE},APL-1,,2,12.99,`,
      `X-003,2026-11-20 09:20,${STORE},APL-1,,1,12.99,`,
    ]);
    const preview = await ok('sales.importPreview', file('again.csv', bytes), ownerToken);
    expect(preview).toMatchObject({ saleCount: 1, duplicateCount: 1, duplicateSaleIds: ['X-001'] });
    expect(preview.rows.find((r) => r.saleId === 'X-001')?.duplicate).toBe(true);
    const done = await ok('sales.import', file('again.csv', bytes), ownerToken);
    expect(done).toMatchObject({ recorded: 1, duplicates: 1, duplicateSaleIds: ['X-001'] });
    expect(await level(products.apple.id)).toBe(17);
    // The whole file again: everything is a duplicate now.
    const again = await ok('sales.import', file('again.csv', bytes), ownerToken);
    expect(again).toMatchObject({ recorded: 0, duplicates: 2 });
    expect(await level(products.apple.id)).toBe(17);
  });

  it('reports every bad row by row and field, and a bad row rolls back every sale', async () => {
    const { ok, fails, ownerToken, products, receive, level } = await inventoryShop();
    await receive('APL-1', 20);
    const bytes = csv([
      HEADER,
      `G-1,2026-11-20 09:15,${STORE},APL-1,,1,12.99,`,
      `G-2,2026-11-20 09:16,${STORE},NOPE,,1,1,`,
      `G-3,2026-11-20 09:17,${STORE},APL-1,,0,1,`,
      `G-4,2026-11-20 09:18,${STORE},APL-1,,1,12.999,`,
      `G-5,2026-11-20 09:19,${STORE},APL-1,,1,1,12345`,
      `G-6,2026-11-20 09:20,火星店,APL-1,,1,1,`,
      `G-7,2026-11-20 09:21,${STORE},,9999999999999,1,1,`,
      `G-7,2026-11-20 09:22,${STORE},APL-1,,1,1,`,
      `G-8,昨天,${STORE},APL-1,,-2,1,`,
    ]);
    const preview = await ok('sales.importPreview', file('bad.csv', bytes), ownerToken);
    expect(preview.issues.map((i) => [i.row, i.field, i.problem])).toEqual([
      [3, 'sku', 'UNKNOWN_PRODUCT'],
      [4, 'qty', 'BAD_QTY'],
      [5, 'unitPriceYuan', 'TOO_MANY_DECIMALS'],
      [6, 'customerPhone', 'BAD_PHONE'],
      [7, 'store', 'UNKNOWN_STORE'],
      [8, 'barcode', 'UNKNOWN_PRODUCT'],
      [9, 'soldAt', 'SALE_TIME_DIFFERS'],
      [10, 'soldAt', 'BAD_TIME'],
      [10, 'qty', 'BAD_QTY'],
    ]);
    expect(preview.issues[2]!.message).toBe('第 5 行 单价（元）：金额最多两位小数：“12.999”');
    expect(preview.issues[6]!.otherRow).toBe(8);

    const refused = await fails('sales.import', file('bad.csv', bytes), ownerToken);
    expect(refused.code).toBe('SALES_IMPORT_INVALID');
    expect(refused.message).toContain('第 3 行');
    expect(await level(products.apple.id)).toBe(20);
    expect((await ok('sales.list', {}, ownerToken)).items).toHaveLength(0);
  });

  it('rolls back every sale when one fails while writing (stock short where not allowed)', async () => {
    const { ok, fails, ownerToken, products, receive, level } = await inventoryShop();
    await receive('APL-1', 2);
    const bytes = csv([
      HEADER,
      `W-1,2026-11-20 09:15,${STORE},APL-1,,1,12.99,`,
      `W-2,2026-11-20 09:16,${STORE},APL-1,,5,12.99,`,
    ]);
    const refused = await fails('sales.import', file('short.csv', bytes), ownerToken);
    expect(refused.code).toBe('INSUFFICIENT_STOCK');
    expect(await level(products.apple.id)).toBe(2);
    expect((await ok('sales.list', {}, ownerToken)).items).toHaveLength(0);
  });

  it('names a missing mapping once, not on every row', async () => {
    const { ok, ownerToken } = await inventoryShop();
    const bytes = csv(['单号,数量', 'A,1']);
    const preview = await ok('sales.importPreview', file('thin.csv', bytes), ownerToken);
    expect(preview.issues.map((i) => [i.row, i.field, i.problem])).toEqual([
      [1, 'unitPriceYuan', 'COLUMN_NOT_MAPPED'],
      [1, 'sku', 'COLUMN_NOT_MAPPED'],
      [1, 'store', 'COLUMN_NOT_MAPPED'],
    ]);
  });
});
