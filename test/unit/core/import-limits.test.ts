// An import is refused by its size once unpacked, before it can take the PC's memory: a small
// XLSX that inflates to 80 MiB, one with too many rows, a CSV with too many rows; each with the
// translated IMPORT_TOO_LARGE. An ordinary XLSX still reads.
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../../src-main/core/imports/limits';
import { initializedShop } from '../../support/core';
import { sheetXml, xlsxWithSheet } from '../../support/zip';

const asFile = (fileName: string, bytes: Buffer) => ({
  fileName,
  contentBase64: bytes.toString('base64'),
});

describe('import size limits', () => {
  it('refuses a small XLSX that inflates past the limit, quickly and without the memory', async () => {
    const { fails, ownerToken } = await initializedShop();
    const rows = sheetXml(3);
    const cut = rows.indexOf('</sheetData>');
    // 80 MiB of blanks between the rows: valid XML, about 80 kB zipped.
    const bomb = xlsxWithSheet(
      Buffer.concat([
        Buffer.from(rows.slice(0, cut)),
        Buffer.alloc(80 * 1024 * 1024, ' '),
        Buffer.from(rows.slice(cut)),
      ]),
    );
    expect(bomb.length).toBeLessThan(200 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const error = await fails('products.importPreview', asFile('bomb.xlsx', bomb), ownerToken);
    const ms = performance.now() - started;
    const grewMiB = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    expect(error.code).toBe('IMPORT_TOO_LARGE');
    expect(error.message).toBe(
      `文件“bomb.xlsx”过大：最多 ${IMPORT_LIMITS.rows} 行、解压后 64 MiB，请拆分后分批导入`,
    );
    console.info(
      `zip bomb (${bomb.length} bytes) refused in ${ms.toFixed(0)} ms, rss +${grewMiB.toFixed(0)} MiB`,
    );
    expect(ms).toBeLessThan(5_000);
    expect(grewMiB).toBeLessThan(300);
  });

  it('refuses an XLSX and a CSV with more rows than the limit, and reads an ordinary XLSX', async () => {
    const { ok, fails, ownerToken } = await initializedShop();
    const many = xlsxWithSheet(sheetXml(IMPORT_LIMITS.rows + 1));
    expect(many.length).toBeLessThan(5 * 1024 * 1024);
    expect(
      (await fails('products.importPreview', asFile('many.xlsx', many), ownerToken)).code,
    ).toBe('IMPORT_TOO_LARGE');

    const lines = ['商品编码,商品名称,零售价'];
    for (let i = 0; i <= IMPORT_LIMITS.rows; i++) lines.push(`S${i},商品${i},9.9`);
    expect(
      (
        await fails(
          'products.importPreview',
          asFile('many.csv', Buffer.from(lines.join('\n'))),
          ownerToken,
        )
      ).code,
    ).toBe('IMPORT_TOO_LARGE');

    const small = xlsxWithSheet(sheetXml(3, '商品编码,商品名称,零售价'));
    const preview = await ok('products.importPreview', asFile('small.xlsx', small), ownerToken);
    expect(preview).toMatchObject({ format: 'xlsx', rowCount: 3, errorCount: 0 });
  });
});
