import { describe, expect, it } from 'vitest';
import { inventoryShop } from '../../support/inventory';

describe('stock', () => {
  it('receives goods (进货) into a store: one movement per line, levels follow', async () => {
    const { ok, ownerToken, ids, products, level } = await inventoryShop();
    const receipt = await ok(
      'stock.receive',
      {
        storeId: ids.storeId,
        supplier: '南京果品批发',
        lines: [
          { sku: 'APL-1', qty: 40, unitCostFen: 800 },
          { barcode: '6901234567892', qty: 10 },
          { productId: products.milk.id, qty: 24 },
        ],
      },
      ownerToken,
    );
    expect(receipt.movements.map((m) => [m.kind, m.qty, m.levelAfter])).toEqual([
      ['receive', 40, 40],
      ['receive', 10, 50],
      ['receive', 24, 24],
    ]);
    expect(receipt.movements[0]).toMatchObject({
      refType: 'receipt',
      refId: receipt.receiptId,
      unitCostFen: 800,
      productName: '红富士苹果',
      staffName: '王店主',
    });
    expect(await level(products.apple.id)).toBe(50);
    expect(await level(products.milk.id)).toBe(24);
  });

  it('takes stock (盘点): counted vs expected, a movement only for differences', async () => {
    const { ok, ownerToken, ids, products, receive, level } = await inventoryShop();
    await receive('APL-1', 30);
    await receive('MLK-1', 12);
    const stocktake = await ok(
      'stock.adjust',
      {
        storeId: ids.storeId,
        lines: [
          { sku: 'APL-1', countedQty: 27 },
          { sku: 'MLK-1', countedQty: 12 },
          { sku: 'BAG-1', countedQty: 5 },
        ],
      },
      ownerToken,
    );
    expect(
      stocktake.lines.map((l) => [l.sku, l.expectedQty, l.countedQty, l.differenceQty]),
    ).toEqual([
      ['APL-1', 30, 27, -3],
      ['MLK-1', 12, 12, 0],
      ['BAG-1', 0, 5, 5],
    ]);
    expect(stocktake.movements.map((m) => [m.sku, m.kind, m.qty])).toEqual([
      ['APL-1', 'adjust', -3],
      ['BAG-1', 'adjust', 5],
    ]);
    expect(await level(products.apple.id)).toBe(27);
    expect(await level(products.bag.id)).toBe(5);
  });

  it('transfers (调拨) between stores in one transaction, or not at all', async () => {
    const { ok, fails, ownerToken, ids, products, secondStore, receive, level } =
      await inventoryShop();
    await receive('APL-1', 20);
    await receive('MLK-1', 3);
    const transfer = await ok(
      'stock.transfer',
      {
        fromStoreId: ids.storeId,
        toStoreId: secondStore.id,
        lines: [{ sku: 'APL-1', qty: 8 }],
      },
      ownerToken,
    );
    expect(transfer.movements.map((m) => [m.storeName, m.kind, m.qty, m.levelAfter])).toEqual([
      ['鲜果优选 新街口店', 'transfer_out', -8, 12],
      ['鲜果优选 河西店', 'transfer_in', 8, 8],
    ]);

    // The second line lacks stock: the first line's two movements roll back with it.
    const refused = await fails(
      'stock.transfer',
      {
        fromStoreId: ids.storeId,
        toStoreId: secondStore.id,
        lines: [
          { sku: 'APL-1', qty: 5 },
          { sku: 'MLK-1', qty: 4 },
        ],
      },
      ownerToken,
    );
    expect(refused.code).toBe('INSUFFICIENT_STOCK');
    expect(refused.message).toBe(
      '第 2 行：纯牛奶 250ml 在 鲜果优选 新街口店 库存不足（现有 3，需要 4）',
    );
    expect(await level(products.apple.id)).toBe(12);
    expect(await level(products.apple.id, secondStore.id)).toBe(8);
    expect(await level(products.milk.id, secondStore.id)).toBe(0);
    const all = await ok('stock.movements', { productId: products.apple.id }, ownerToken);
    expect(all.items).toHaveLength(3);

    const same = await fails(
      'stock.transfer',
      { fromStoreId: ids.storeId, toStoreId: ids.storeId, lines: [{ sku: 'APL-1', qty: 1 }] },
      ownerToken,
    );
    expect(same.code).toBe('SAME_STORE_TRANSFER');
  });

  it('goes negative only where the store allows it, and then flags it', async () => {
    const { ok, fails, ownerToken, ids, products, receive, level, sell, openAlerts } =
      await inventoryShop();
    await receive('MLK-1', 2);
    const refused = await fails(
      'sales.record',
      {
        terminalSaleId: 'N-1',
        storeId: ids.storeId,
        lines: [{ sku: 'MLK-1', qty: 3, unitPriceFen: 650 }],
      },
      ownerToken,
    );
    expect(refused.code).toBe('INSUFFICIENT_STOCK');
    expect(await level(products.milk.id)).toBe(2);
    expect((await ok('sales.list', {}, ownerToken)).items).toHaveLength(0);

    await ok('stock.setSettings', { storeId: ids.storeId, allowNegative: true }, ownerToken);
    await sell('MLK-1', 3, 650);
    const levels = await ok(
      'stock.levels',
      { storeId: ids.storeId, status: 'negative' },
      ownerToken,
    );
    expect(levels.items).toMatchObject([
      { sku: 'MLK-1', qty: -1, negative: true, status: 'negative' },
    ]);
    expect((await openAlerts('negative_stock')).map((a) => [a.sku, a.qty])).toEqual([
      ['MLK-1', -1],
    ]);

    // Receiving goods clears the flag and resolves the alert.
    await receive('MLK-1', 6);
    expect(await openAlerts('negative_stock')).toHaveLength(0);
  });

  it('keeps levels equal to the sum of movements through every kind of movement', async () => {
    const { ok, ownerToken, ids, secondStore, receive, core } = await inventoryShop();
    await receive('APL-1', 50);
    const { sale } = await ok(
      'sales.record',
      {
        terminalSaleId: 'K-1',
        storeId: ids.storeId,
        lines: [{ sku: 'APL-1', qty: 7, unitPriceFen: 1299 }],
      },
      ownerToken,
    );
    await ok(
      'sales.return',
      { saleId: sale.id, lines: [{ saleLineId: sale.lines[0]!.id, qty: 2 }] },
      ownerToken,
    );
    await ok(
      'stock.adjust',
      { storeId: ids.storeId, lines: [{ sku: 'APL-1', countedQty: 44 }] },
      ownerToken,
    );
    await ok(
      'stock.transfer',
      { fromStoreId: ids.storeId, toStoreId: secondStore.id, lines: [{ sku: 'APL-1', qty: 4 }] },
      ownerToken,
    );
    const kinds = (await ok('stock.movements', {}, ownerToken)).items.map((m) => m.kind);
    expect(new Set(kinds)).toEqual(
      new Set(['receive', 'sale', 'return', 'adjust', 'transfer_out', 'transfer_in']),
    );
    const mismatches = core.sqlite
      .prepare(
        `SELECT l.store_id, l.qty, (SELECT sum(qty) FROM stock_movements m
           WHERE m.store_id = l.store_id AND m.product_id = l.product_id) AS total
         FROM stock_levels l WHERE l.qty IS NOT total`,
      )
      .all();
    expect(mismatches).toEqual([]);
    const outbox = core.sqlite
      .prepare(
        `SELECT topic FROM outbox WHERE topic LIKE 'stock.%' OR topic LIKE 'sale.%' ORDER BY id`,
      )
      .all()
      .map((r) => (r as { topic: string }).topic);
    expect(outbox).toEqual([
      'stock.received',
      'sale.recorded',
      'sale.returned',
      'stock.adjusted',
      'stock.transferred',
    ]);
  });

  it('refuses zero or negative quantities and unknown products, naming the line', async () => {
    const { fails, ownerToken, ids } = await inventoryShop();
    const zero = await fails(
      'stock.receive',
      {
        storeId: ids.storeId,
        lines: [
          { sku: 'APL-1', qty: 5 },
          { sku: 'MLK-1', qty: 0 },
        ],
      },
      ownerToken,
    );
    expect(zero.code).toBe('VALIDATION_FAILED');
    expect(zero.details?.issues).toEqual([{ path: ['lines', 1, 'qty'], message: '数量至少为 1' }]);
    const negative = await fails(
      'stock.adjust',
      { storeId: ids.storeId, lines: [{ sku: 'APL-1', countedQty: -1 }] },
      ownerToken,
    );
    expect(negative.details?.issues).toEqual([
      { path: ['lines', 0, 'countedQty'], message: '盘点数量不能为负数' },
    ]);
    const unknown = await fails(
      'stock.receive',
      {
        storeId: ids.storeId,
        lines: [
          { sku: 'APL-1', qty: 5 },
          { barcode: '0000000', qty: 1 },
        ],
      },
      ownerToken,
    );
    expect(unknown.code).toBe('LINE_PRODUCT_NOT_FOUND');
    expect(unknown.message).toBe('第 2 行：找不到商品 0000000');
  });
});
