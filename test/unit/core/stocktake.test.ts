import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core';
import { callers, OWNER_PIN } from '../../support/core';
import { inventoryShop } from '../../support/inventory';

describe('stocktake sheets (盘点单)', () => {
  it('lists every product of the store with its book quantity; a category sheet only that category', async () => {
    const { ok, ownerToken, ids, receive } = await inventoryShop();
    await receive('APL-1', 30);
    await receive('MLK-1', 12);
    const sheet = await ok('stocktake.start', { storeId: ids.storeId }, ownerToken);
    expect(sheet.status).toBe('open');
    expect(sheet.category).toBeNull();
    // The bag was never received: still on the sheet, at 0.
    expect(sheet.lines.map((l) => [l.sku, l.bookQty, l.countedQty])).toEqual([
      ['MLK-1', 12, null],
      ['APL-1', 30, null],
      ['BAG-1', 0, null],
    ]);
    expect(sheet.lines.find((l) => l.sku === 'APL-1')?.barcode).toBe('6901234567892');
    await ok('stocktake.discard', { id: sheet.id }, ownerToken);

    const fruit = await ok(
      'stocktake.start',
      { storeId: ids.storeId, category: '水果' },
      ownerToken,
    );
    expect(fruit.lines.map((l) => l.sku)).toEqual(['APL-1']);
    // Started and thrown away: each in the audit log, as its own sentence.
    const audited = (await ok('audit.list', {}, ownerToken)).items
      .filter((e) => e.action.startsWith('stocktake.'))
      .map((e) => [e.action, e.details]);
    expect(audited).toEqual([
      ['stocktake.start', { lines: 1 }],
      ['stocktake.discard', { counted: 0 }],
      ['stocktake.start', { lines: 3 }],
    ]);
  });

  it('refuses a second open sheet for the same store, and an empty category', async () => {
    const { ok, fails, ownerToken, ids, secondStore } = await inventoryShop();
    await ok('stocktake.start', { storeId: ids.storeId }, ownerToken);
    expect((await fails('stocktake.start', { storeId: ids.storeId }, ownerToken)).code).toBe(
      'STOCKTAKE_ALREADY_OPEN',
    );
    // Another store may count at the same time.
    await ok('stocktake.start', { storeId: secondStore.id }, ownerToken);
    await ok(
      'stocktake.discard',
      {
        id: (await ok('stocktake.list', { storeId: secondStore.id }, ownerToken)).items[0]!.id,
      },
      ownerToken,
    );
    const error = await fails(
      'stocktake.start',
      { storeId: secondStore.id, category: '家电' },
      ownerToken,
    );
    expect(error.code).toBe('STOCKTAKE_NO_PRODUCTS');
  });

  it('posts the counted lines through the stock ledger in one stocktake; uncounted kept; values at cost, else retail', async () => {
    const { ok, ownerToken, ids, products, level } = await inventoryShop();
    // Apple has a receipt cost (¥8.00); milk none and no cost price: valued at retail (¥6.50).
    await ok(
      'stock.receive',
      { storeId: ids.storeId, lines: [{ sku: 'APL-1', qty: 30, unitCostFen: 800 }] },
      ownerToken,
    );
    await ok(
      'stock.receive',
      { storeId: ids.storeId, lines: [{ sku: 'MLK-1', qty: 12 }] },
      ownerToken,
    );
    await ok(
      'stock.receive',
      { storeId: ids.storeId, lines: [{ sku: 'BAG-1', qty: 7 }] },
      ownerToken,
    );
    const sheet = await ok('stocktake.start', { storeId: ids.storeId }, ownerToken);
    const counted = await ok(
      'stocktake.count',
      { id: sheet.id, productId: products.apple.id, countedQty: 27 },
      ownerToken,
    );
    expect(counted.line).toMatchObject({
      bookQty: 30,
      countedQty: 27,
      differenceQty: -3,
      unitValueFen: 800,
      valueBasis: 'cost',
      valueFen: -2400,
    });
    expect(counted.countedCount).toBe(1);
    await ok(
      'stocktake.count',
      { id: sheet.id, productId: products.milk.id, countedQty: 14 },
      ownerToken,
    );

    const finished = await ok('stocktake.finish', { id: sheet.id, uncounted: 'keep' }, ownerToken);
    expect(finished.status).toBe('finished');
    expect(finished.uncounted).toBe('keep');
    expect(
      finished.lines.map((l) => [l.sku, l.bookQty, l.countedQty, l.valueFen, l.valueBasis]),
    ).toEqual([
      ['MLK-1', 12, 14, 1300, 'retail'],
      ['APL-1', 30, 27, -2400, 'cost'],
      ['BAG-1', 7, null, null, 'retail'],
    ]);
    expect(finished.totals).toMatchObject({
      gainFen: 1300,
      lossFen: -2400,
      netFen: -1100,
      gainQty: 2,
      lossQty: -3,
      costLines: 1,
      retailLines: 1,
    });
    expect(await level(products.apple.id)).toBe(27);
    expect(await level(products.milk.id)).toBe(14);
    expect(await level(products.bag.id)).toBe(7);
    // One stocktake document, its movements the differences only.
    const movements = (
      await ok('stock.movements', { storeId: ids.storeId, kind: 'adjust' }, ownerToken)
    ).items;
    expect(movements.map((m) => [m.sku, m.qty, m.refId])).toEqual(
      expect.arrayContaining([
        ['APL-1', -3, finished.stockDocumentId],
        ['MLK-1', 2, finished.stockDocumentId],
      ]),
    );
    expect(movements).toHaveLength(2);
    // A finished sheet reads as posted, and is closed.
    await ok(
      'stock.receive',
      { storeId: ids.storeId, lines: [{ sku: 'APL-1', qty: 5 }] },
      ownerToken,
    );
    const again = await ok('stocktake.get', { id: sheet.id }, ownerToken);
    expect(again.lines.find((l) => l.sku === 'APL-1')?.bookQty).toBe(30);
    const closed = await ok('stocktake.list', { storeId: ids.storeId }, ownerToken);
    expect(closed.items[0]?.status).toBe('finished');
  });

  it('sets uncounted lines to zero only when asked; nothing counted and kept is refused', async () => {
    const { ok, fails, ownerToken, ids, products, receive, level } = await inventoryShop();
    await receive('APL-1', 10);
    await receive('MLK-1', 4);
    const sheet = await ok('stocktake.start', { storeId: ids.storeId }, ownerToken);
    expect(
      (await fails('stocktake.finish', { id: sheet.id, uncounted: 'keep' }, ownerToken)).code,
    ).toBe('STOCKTAKE_NOTHING_COUNTED');
    await ok(
      'stocktake.count',
      { id: sheet.id, productId: products.apple.id, countedQty: 10 },
      ownerToken,
    );
    const finished = await ok('stocktake.finish', { id: sheet.id, uncounted: 'zero' }, ownerToken);
    expect(await level(products.apple.id)).toBe(10);
    expect(await level(products.milk.id)).toBe(0);
    expect(finished.totals.lossFen).toBe(-4 * 650);
    expect(
      (
        await fails(
          'stocktake.count',
          { id: sheet.id, productId: products.apple.id, countedQty: 1 },
          ownerToken,
        )
      ).code,
    ).toBe('STOCKTAKE_CLOSED');
  });

  it('a product scanned that is not on the sheet joins it; a count cleared is uncounted again', async () => {
    const { ok, ownerToken, ids, products } = await inventoryShop();
    const sheet = await ok(
      'stocktake.start',
      { storeId: ids.storeId, category: '水果' },
      ownerToken,
    );
    const added = await ok(
      'stocktake.count',
      { id: sheet.id, productId: products.bag.id, countedQty: 3 },
      ownerToken,
    );
    expect(added.line).toMatchObject({ sku: 'BAG-1', bookQty: 0, countedQty: 3 });
    const cleared = await ok(
      'stocktake.count',
      { id: sheet.id, productId: products.bag.id, countedQty: null },
      ownerToken,
    );
    expect(cleared.line.countedQty).toBeNull();
    expect(cleared.countedCount).toBe(0);
    const read = await ok('stocktake.get', { id: sheet.id }, ownerToken);
    expect(read.lines.map((l) => l.sku)).toEqual(['APL-1', 'BAG-1']);
  });

  it('a count in progress survives a restart of the app', async () => {
    const { core, ok, ownerToken, ids, products, dataDir, clock } = await inventoryShop();
    const sheet = await ok('stocktake.start', { storeId: ids.storeId }, ownerToken);
    await ok(
      'stocktake.count',
      { id: sheet.id, productId: products.milk.id, countedQty: 9 },
      ownerToken,
    );
    core.close();
    const reopened = await createCore({ dataDir, clock });
    try {
      const t = callers(reopened);
      const { token } = await t.ok('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN });
      const drafts = await t.ok('stocktake.list', { storeId: ids.storeId }, token);
      expect(drafts.items.map((d) => [d.id, d.status, d.countedCount])).toEqual([
        [sheet.id, 'open', 1],
      ]);
      const read = await t.ok('stocktake.get', { id: sheet.id }, token);
      expect(read.lines.find((l) => l.sku === 'MLK-1')?.countedQty).toBe(9);
    } finally {
      reopened.close();
    }
  });

  it('is for managers: a cashier may not count', async () => {
    const { fails, cashierToken, ids } = await inventoryShop();
    expect((await fails('stocktake.start', { storeId: ids.storeId }, cashierToken)).code).toBe(
      'FORBIDDEN',
    );
  });
});
