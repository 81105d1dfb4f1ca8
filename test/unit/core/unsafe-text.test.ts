import { describe, expect, it } from 'vitest';
import { unsafeTextPath, withSafeText } from '../../../src-shared/text-safety';
import { initializedShop } from '../../support/core';

const outboxCount = (sqlite: { prepare(sql: string): { get(): unknown } }) =>
  (sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;

describe('text no one types (control characters, lone surrogates)', () => {
  it('is refused at the door of every method, with the field named, and nothing is written', async () => {
    const { ok, fails, ownerToken, ids, core } = await initializedShop();
    const before = outboxCount(core.sqlite);
    const nul = await fails(
      'staff.create',
      { name: '李\u0000收银', role: 'cashier', pin: '135790' },
      ownerToken,
    );
    expect(nul).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: ['name'], message: '含有不可见的控制字符，请删除后重试' }] },
    });
    const product = await ok(
      'products.create',
      { sku: 'APL-1', name: '红富士苹果', priceFen: 1299 },
      ownerToken,
    );
    const surrogate = await fails(
      'stock.receive',
      {
        storeId: ids.storeId,
        supplier: '果园',
        note: 'half \ud800 a character',
        lines: [{ productId: product.id, qty: 5, unitCostFen: 800 }],
      },
      ownerToken,
    );
    expect(surrogate.details).toEqual({
      issues: [{ path: ['note'], message: '含有不可见的控制字符，请删除后重试' }],
    });
    const levels = await ok('stock.levels', { storeId: ids.storeId }, ownerToken);
    expect(levels.items.every((level: { qty: number }) => level.qty === 0)).toBe(true);
    expect(outboxCount(core.sqlite)).toBe(before); // nothing the cloud would have to refuse

    // Tabs, new lines and characters outside the BMP are text people write.
    await ok(
      'stock.receive',
      {
        storeId: ids.storeId,
        supplier: '果园 🍎',
        note: '第一行\n第二行\t备注',
        lines: [{ productId: product.id, qty: 5, unitCostFen: 800 }],
      },
      ownerToken,
    );
  });

  it('is dropped from the cells of an imported file (stray bytes of a POS export)', async () => {
    const { ok, ownerToken } = await initializedShop();
    const csv = ['商品编码,商品名称,零售价', 'A001,农夫\u0000山泉\u0007 550ml,2'].join('\r\n');
    const file = { fileName: 'pos.csv', contentBase64: Buffer.from(csv).toString('base64') };
    expect((await ok('products.importPreview', file, ownerToken)).rows[0]).toMatchObject({
      name: '农夫山泉 550ml',
    });
    await ok('products.import', file, ownerToken);
    expect((await ok('products.lookup', { sku: 'A001' }, ownerToken)).name).toBe('农夫山泉 550ml');
  });

  it('names the path of the first bad string or key, and replaces what it must store', () => {
    expect(unsafeTextPath({ a: ['ok', { b: 'x\u001by' }] })).toEqual(['a', 1, 'b']);
    expect(unsafeTextPath({ ['k\u0000']: 1 })).toEqual(['k\u0000']);
    expect(unsafeTextPath({ fine: '🍎\r\n\t', n: 3, none: null })).toBeNull();
    expect(unsafeTextPath('\udc00 alone')).toEqual([]);
    expect(withSafeText({ note: 'a\u0000b', list: ['\ud800'] })).toEqual({
      note: 'a\ufffdb',
      list: ['\ufffd'],
    });
  });
});
