import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { initializedShop } from '../../support/core';
import { startServer } from '../../support/server';

const csvFile = (fileName: string, bytes: Buffer) => ({
  fileName,
  contentBase64: bytes.toString('base64'),
});

const GOOD_CSV = [
  '商品编码,商品名称,条码,分类,单位,零售价,进价',
  'A001,农夫山泉 550ml,6921168509256,饮料,瓶,2,1.2',
  'A002,可口可乐 330ml,6928804011173;6928804011180,饮料,罐,3.50,2.1',
  'B001,散装红枣,,干果,斤,￥19.90,',
].join('\r\n');

describe('products import', () => {
  it('previews a UTF-8 CSV with BOM: guessed mapping, every row checked, nothing written', async () => {
    const { ok, ownerToken } = await initializedShop();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD_CSV, 'utf8')]);
    const preview = await ok('products.importPreview', csvFile('pos.csv', bom), ownerToken);
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      rowCount: 3,
      createCount: 3,
      errorCount: 0,
      mapping: {
        sku: '商品编码',
        name: '商品名称',
        barcodes: '条码',
        category: '分类',
        unit: '单位',
        priceYuan: '零售价',
        costYuan: '进价',
      },
    });
    expect(preview.rows.map((r) => [r.row, r.sku, r.priceFen, r.costFen, r.barcodes])).toEqual([
      [2, 'A001', 200, 120, ['6921168509256']],
      [3, 'A002', 350, 210, ['6928804011173', '6928804011180']],
      [4, 'B001', 1990, null, []],
    ]);
    expect(await ok('products.list', {}, ownerToken)).toHaveLength(0);

    const done = await ok('products.import', csvFile('pos.csv', bom), ownerToken);
    expect(done).toMatchObject({ created: 3, updated: 0 });
    const cola = await ok('products.byBarcode', { barcode: '6928804011180' }, ownerToken);
    expect(cola).toMatchObject({ sku: 'A002', name: '可口可乐 330ml', unit: '罐', priceFen: 350 });
    expect((await ok('products.list', { category: '饮料' }, ownerToken)).map((p) => p.sku)).toEqual(
      ['A001', 'A002'],
    );
    expect(await ok('products.categories', {}, ownerToken)).toEqual([
      { category: '干果', count: 1 },
      { category: '饮料', count: 2 },
    ]);
  });

  it('detects a GBK CSV (as Excel on Chinese Windows saves it)', async () => {
    const { ok, ownerToken } = await initializedShop();
    const gbk = iconv.encode(GOOD_CSV, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const preview = await ok('products.importPreview', csvFile('gbk.csv', gbk), ownerToken);
    expect(preview.encoding).toBe('gbk');
    expect(preview.rows[0]).toMatchObject({ name: '农夫山泉 550ml', category: '饮料', unit: '瓶' });
    await ok('products.import', csvFile('gbk.csv', gbk), ownerToken);
    expect((await ok('products.lookup', { sku: 'B001' }, ownerToken)).name).toBe('散装红枣');
  });

  it('imports an XLSX with a mapping chosen by the user', async () => {
    const { ok, ownerToken } = await initializedShop();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('商品');
    sheet.addRow(['货品ID', '品名', '卖价', '备注']);
    sheet.addRow(['X-1', '德芙巧克力 43g', 9.9, '']);
    sheet.addRow(['X-2', '旺仔牛奶 245ml', 5, '整箱']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = { fileName: 'export.xlsx', contentBase64: bytes.toString('base64') };

    const guessed = await ok('products.importPreview', file, ownerToken);
    expect(guessed.format).toBe('xlsx');
    expect(guessed.headers).toEqual(['货品ID', '品名', '卖价', '备注']);
    expect(guessed.issues.map((i) => [i.row, i.field, i.problem])).toEqual([
      [1, 'sku', 'COLUMN_NOT_MAPPED'],
      [1, 'priceYuan', 'COLUMN_NOT_MAPPED'],
    ]);
    const mapping = { sku: '货品ID', name: '品名', priceYuan: '卖价' };
    const preview = await ok('products.importPreview', { ...file, mapping }, ownerToken);
    expect(preview.errorCount).toBe(0);
    await ok('products.import', { ...file, mapping }, ownerToken);
    expect(await ok('products.lookup', { sku: 'X-1' }, ownerToken)).toMatchObject({
      name: '德芙巧克力 43g',
      priceFen: 990,
      unit: '件',
    });
  });

  it('reports every bad row and field, and a bad file changes nothing', async () => {
    const { ok, fails, ownerToken } = await initializedShop();
    await ok(
      'products.create',
      { sku: 'OLD-1', barcodes: ['6900000000017'], name: '老商品', priceFen: 100 },
      ownerToken,
    );
    const csv = [
      'SKU,名称,条码,售价',
      'N-1,好商品,6900000000024,3.5',
      'N-2,三位小数,,12.345',
      'N-1,重复编码,,1',
      ',没有编码,,1',
      'N-4,,,1',
      'OLD-1,已存在,,1',
      'N-5,条码被占,6900000000017,1',
      'N-6,不是价格,,abc',
      'N-7,条码重复,6900000000024,2',
      'N-8,没有价格,,',
    ].join('\n');
    const file = csvFile('bad.csv', Buffer.from(csv, 'utf8'));
    const preview = await ok('products.importPreview', file, ownerToken);
    expect(preview.issues.map((i) => [i.row, i.field, i.problem, i.otherRow])).toEqual([
      [3, 'priceYuan', 'TOO_MANY_DECIMALS', null],
      [4, 'sku', 'DUPLICATE_SKU_IN_FILE', 2],
      [5, 'sku', 'REQUIRED', null],
      [6, 'name', 'REQUIRED', null],
      [7, 'sku', 'SKU_EXISTS', null],
      [8, 'barcodes', 'BARCODE_TAKEN', null],
      [9, 'priceYuan', 'BAD_YUAN', null],
      [10, 'barcodes', 'DUPLICATE_BARCODE_IN_FILE', 2],
      [11, 'priceYuan', 'REQUIRED', null],
    ]);
    expect(preview.issues[0]!.message).toBe('第 3 行 售价（元）：金额最多两位小数：“12.345”');
    expect(preview.issues[1]!.message).toBe('第 4 行 SKU：SKU “N-1” 与第 2 行重复');
    expect(preview.rows[0]!.row).toBe(3); // rows with problems first

    const refused = await fails('products.import', file, ownerToken);
    expect(refused.code).toBe('IMPORT_INVALID');
    expect(refused.message).toBe(
      '文件中有 9 处错误，未导入任何商品。第 3 行 售价（元）：金额最多两位小数：“12.345”',
    );
    expect((await ok('products.list', {}, ownerToken)).map((p) => p.sku)).toEqual(['OLD-1']);

    // Existing SKUs can be updated on purpose instead.
    const update = csvFile(
      'update.csv',
      Buffer.from('SKU,名称,售价\nOLD-1,老商品（新包装）,1.5', 'utf8'),
    );
    expect(
      await ok('products.import', { ...update, updateExisting: true }, ownerToken),
    ).toMatchObject({
      created: 0,
      updated: 1,
    });
    expect(await ok('products.lookup', { sku: 'OLD-1' }, ownerToken)).toMatchObject({
      name: '老商品（新包装）',
      priceFen: 150,
      barcodes: ['6900000000017'],
    });
  });

  it('leaves out the bad rows only when asked, never a problem of the whole file', async () => {
    const { ok, fails, ownerToken } = await initializedShop();
    const csv = (text: string) => csvFile('pos.csv', Buffer.from(text, 'utf8'));
    const file = csv(
      ['商品编码,商品名称,零售价', 'A001,农夫山泉 550ml,2', 'A002,可口可乐,3.555', 'A003,,4'].join(
        '\n',
      ),
    );
    expect((await fails('products.import', file, ownerToken)).code).toBe('IMPORT_INVALID');
    expect(await ok('products.list', {}, ownerToken)).toHaveLength(0);
    const done = await ok('products.import', { ...file, skipInvalid: true }, ownerToken);
    expect(done).toMatchObject({ created: 1, updated: 0, skipped: 2 });
    expect((await ok('products.list', {}, ownerToken)).map((p) => p.sku)).toEqual(['A001']);
    // No price column at all: the file, not a row, is wrong; nothing is left to skip to.
    const noPrice = csv(['商品编码,商品名称', 'B001,红枣'].join('\n'));
    const refused = await fails('products.import', { ...noPrice, skipInvalid: true }, ownerToken);
    expect(refused.code).toBe('IMPORT_INVALID');
  });

  it('says which file it cannot read', async () => {
    const { fails, ownerToken } = await initializedShop();
    const empty = await fails(
      'products.importPreview',
      csvFile('empty.csv', Buffer.from('\n\n')),
      ownerToken,
    );
    expect(empty.code).toBe('IMPORT_UNREADABLE');
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    const broken = await fails(
      'products.importPreview',
      csvFile('broken.xlsx', brokenZip),
      ownerToken,
    );
    expect(broken.message).toContain('broken.xlsx');
  });

  it('imports a few thousand rows in one transaction', async () => {
    const { ok, ownerToken } = await initializedShop();
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `P${i},商品 ${i},69${String(i).padStart(11, '0')},杂货,${(i % 500) + 1}.5`,
    );
    const file = csvFile('big.csv', Buffer.from(['SKU,名称,条码,分类,售价', ...rows].join('\n')));
    const done = await ok('products.import', file, ownerToken);
    expect(done.created).toBe(5000);
    expect(done.writeMs).toBeLessThan(done.durationMs);
    expect((await ok('products.categories', {}, ownerToken))[0]).toEqual({
      category: '杂货',
      count: 5000,
    });
  });

  it('takes files over 1 MiB through the local HTTP API (imports only)', async () => {
    const { core, ownerToken } = await initializedShop();
    const { post } = await startServer(core);
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `LONG-SKU-${i},一个名字比较长的商品 ${i},杂货,${i % 90}.5`,
    );
    const file = csvFile('large.csv', Buffer.from(['SKU,名称,分类,售价', ...rows].join('\n')));
    expect(file.contentBase64.length).toBeGreaterThan(1024 * 1024);
    const auth = { authorization: `Bearer ${ownerToken}` };
    const preview = await post('products.importPreview', file, auth);
    expect(preview.status).toBe(200);
    expect(preview.body.data).toMatchObject({ rowCount: 20_000, errorCount: 0 });
    const elsewhere = await post('products.list', { search: file.contentBase64 }, auth);
    expect(elsewhere.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
