import { describe, expect, it } from 'vitest';
import type { EventName, PayloadOf } from '../../../src-shared/contract';
import { setupInput, testCore } from '../../support/core';
import { inventoryShop } from '../../support/inventory';

const file = (fileName: string, text: string) => ({
  fileName,
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
});

/** Every file and every pass goes to the worker. */
const inWorker = { config: { inventoryWorker: { minImportChars: 1, minAlertLevels: 0 } } };

function recordEvents(core: Awaited<ReturnType<typeof inventoryShop>>['core'], token: string) {
  const seen: { name: EventName; payload: unknown }[] = [];
  core.events.subscribe(
    () => token,
    (name, payload) => seen.push({ name, payload }),
  );
  // (The daily alert pass may start in the worker meanwhile: each job's events are its own.)
  const progress = (job: PayloadOf<'imports.progress'>['job']) =>
    seen
      .filter((e) => e.name === 'imports.progress')
      .map((e) => e.payload as PayloadOf<'imports.progress'>)
      .filter((p) => p.job === job);
  return { seen, progress };
}

describe('inventory worker', () => {
  it('imports products in the worker, with progress events, all or nothing', async () => {
    const { ok, fails, core, ownerToken } = await inventoryShop(inWorker);
    const events = recordEvents(core, ownerToken);
    const rows = Array.from({ length: 300 }, (_, i) => `W${i},工作线程商品 ${i},${i + 1}.50`);
    const csv = ['SKU,名称,售价', ...rows].join('\n');
    const preview = await ok('products.importPreview', file('big.csv', csv), ownerToken);
    expect(preview).toMatchObject({ rowCount: 300, createCount: 300, errorCount: 0 });
    const done = await ok('products.import', file('big.csv', csv), ownerToken);
    expect(done).toMatchObject({ created: 300, updated: 0 });
    expect((await ok('products.lookup', { sku: 'W299' }, ownerToken)).priceFen).toBe(30_050);
    expect(events.progress('products.import').map((p) => p.phase)).toEqual(
      expect.arrayContaining(['reading', 'checking', 'done']),
    );
    expect(events.seen.some((e) => e.name === 'products.imported')).toBe(true);

    // A bad row: the worker's refusal reaches the caller as the same translated error.
    const bad = await fails(
      'products.import',
      file('bad.csv', ['SKU,名称,售价', 'Z1,好的,1', 'Z2,坏的,1.234'].join('\n')),
      ownerToken,
    );
    expect(bad.code).toBe('IMPORT_INVALID');
    expect(bad.message).toContain('第 3 行');
    expect(events.progress('products.import').at(-1)?.phase).toBe('failed');
    for (const sku of ['Z1', 'Z2'])
      expect((await fails('products.lookup', { sku }, ownerToken)).code).toBe('PRODUCT_NOT_FOUND');
  });

  it('imports sales in the worker the way sales.record does: stock, alerts, outbox', async () => {
    const { ok, core, ownerToken, ids, products, receive, level, openAlerts } =
      await inventoryShop(inWorker);
    const events = recordEvents(core, ownerToken);
    await receive('APL-1', 10);
    await ok(
      'alerts.setThresholds',
      {
        target: { productId: products.apple.id, storeId: ids.storeId },
        lowLevel: 3,
        highLevel: null,
        slowDays: null,
      },
      ownerToken,
    );
    const outboxBefore = core.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as {
      n: number;
    };
    const csv = [
      '单号,门店,商品编码,数量,单价',
      ...Array.from({ length: 8 }, (_, i) => `K-${i},${setupInput.store.name},APL-1,1,12.99`),
    ].join('\n');
    const done = await ok('sales.import', file('sales.csv', csv), ownerToken);
    expect(done).toMatchObject({ recorded: 8, lines: 8, duplicates: 0 });
    expect(await level(products.apple.id)).toBe(2);
    const [alert] = await openAlerts('low_stock');
    expect(alert).toMatchObject({ productId: products.apple.id, qty: 2, lowLevel: 3 });
    const outboxAfter = core.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as {
      n: number;
    };
    expect(outboxAfter.n - outboxBefore.n).toBeGreaterThanOrEqual(8);
    // The worker's events reach the UI once each, after the commit.
    const alertEvents = events.seen.filter((e) => e.name === 'alerts.changed');
    expect(alertEvents).toHaveLength(1);
    expect(alertEvents[0]!.payload).toMatchObject({
      raised: [expect.objectContaining({ kind: 'low_stock', productName: '红富士苹果' })],
    });
    expect(events.seen.filter((e) => e.name === 'sales.changed')).toHaveLength(1);
    expect(events.progress('sales.import').map((p) => p.phase)).toContain('done');
  });

  it('runs the full alert pass in the worker', async () => {
    const { ok, core, ownerToken, products, receive, openAlerts } = await inventoryShop(inWorker);
    await receive('MLK-1', 2);
    await ok(
      'alerts.setThresholds',
      { target: { category: '乳品', storeId: null }, lowLevel: 5, highLevel: null, slowDays: null },
      ownerToken,
    );
    expect((await openAlerts('low_stock')).map((a) => a.productId)).toEqual([products.milk.id]);
    // The threshold goes without a pass of its own: the worker's full pass resolves the alert.
    core.sqlite.prepare('DELETE FROM stock_thresholds').run();
    const result = await ok('alerts.evaluate', {}, ownerToken);
    expect(result).toMatchObject({ raised: 0, resolved: 1, open: 0 });
    expect(await openAlerts()).toHaveLength(0);
  });

  it('writes a large sales import in short chunks and undoes them all when a later one fails', async () => {
    const { ok, fails, core, ownerToken, products, receive, level } = await inventoryShop(inWorker);
    const events = recordEvents(core, ownerToken);
    await receive('APL-1', 1000);
    await receive('MLK-1', 1);
    const outboxBefore = core.sqlite.prepare('SELECT count(*) AS n FROM outbox').get();
    const rows = Array.from(
      { length: 1500 },
      (_, i) => `C-${i},${setupInput.store.name},APL-1,1,12.99`,
    );
    // The last sale wants 3 milk with 1 in stock: found only while writing, after many chunks.
    rows.push(`C-last,${setupInput.store.name},MLK-1,3,6.50`);
    const refused = await fails(
      'sales.import',
      file('short.csv', ['单号,门店,商品编码,数量,单价', ...rows].join('\n')),
      ownerToken,
    );
    expect(refused.code).toBe('INSUFFICIENT_STOCK');
    // A chunk was committed before the last (the first always reports), then all were undone.
    const writing = events.progress('sales.import').filter((p) => p.phase === 'writing');
    expect(writing.some((p) => p.done < p.total)).toBe(true);
    expect(await level(products.apple.id)).toBe(1000);
    expect(await level(products.milk.id)).toBe(1);
    expect((await ok('sales.list', {}, ownerToken)).items).toHaveLength(0);
    const movements = core.sqlite
      .prepare(`SELECT count(*) AS n FROM stock_movements WHERE kind = 'sale'`)
      .get() as { n: number };
    expect(movements.n).toBe(0);
    // Nothing of it reached the outbox (the cloud never hears of undone sales).
    expect(core.sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(outboxBefore);
    expect(
      core.sqlite
        .prepare('SELECT status FROM sales_import_runs')
        .all()
        .map((r) => r),
    ).toEqual([{ status: 'undone' }]);
  });

  it('undoes at the next start a sales import cut off half-way', async () => {
    const shop = await inventoryShop();
    const { ids, products, receive, level, core, dataDir } = shop;
    await receive('APL-1', 10);
    // A run with one chunk written, as a worker killed with the app would leave it.
    const runs = core.services.salesImportRuns;
    const runId = runs.start('cut.csv');
    const { sale } = core.services.sales.record(
      { actor: { kind: 'anonymous' }, source: 'system', lang: 'zh-CN' },
      {
        terminalSaleId: 'CUT-1',
        storeId: ids.storeId,
        lines: [{ productId: products.apple.id, qty: 4, unitPriceFen: 1299 }],
        couponCodes: [],
      },
      true,
    );
    runs.noteSales(runId, [sale.id]);
    expect(await level(products.apple.id)).toBe(6);
    await core.close();

    const reopened = await testCore({ dataDir });
    const login = await reopened.ok('auth.login', { staffId: ids.ownerId, pin: '271828' });
    const levels = await reopened.ok(
      'stock.levels',
      { storeId: ids.storeId, productId: products.apple.id },
      login.token,
    );
    expect(levels.items[0]?.qty).toBe(10);
    expect((await reopened.ok('sales.list', {}, login.token)).items).toHaveLength(0);
  });
});
