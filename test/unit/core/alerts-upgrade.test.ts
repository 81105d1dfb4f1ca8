import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../../../src-main/core/db/open';
import { inventoryShop } from '../../support/inventory';

/** One migration's statements, run on a database as drizzle runs them at start-up. */
function runMigration(sqlite: { exec(sql: string): unknown }, tag: string) {
  const text = fs.readFileSync(path.join(defaultMigrationsDir(), `${tag}.sql`), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) sqlite.exec(statement);
}

describe('upgrading to "low stock is strictly below the level"', () => {
  it('moves every stored low level up by one, so no alert changes overnight', async () => {
    const { core, ok, ownerToken, ids, products, receive, openAlerts } = await inventoryShop();
    await receive('APL-1', 5);
    await receive('MLK-1', 6);
    // Levels as the previous version stored them ("at or below 5").
    for (const target of [
      { productId: products.apple.id, storeId: ids.storeId },
      { category: '乳品', storeId: null },
    ])
      await ok(
        'alerts.setThresholds',
        { target, lowLevel: 5, highLevel: null, slowDays: null },
        ownerToken,
      );

    runMigration(core.sqlite, '0012_low_level_strictly_below');

    const levels = await ok('alerts.thresholds', {}, ownerToken);
    expect(levels.map((t) => t.lowLevel).sort()).toEqual([6, 6]);
    // Apple at 5 was low under "at or below 5" and is low under "below 6"; milk at 6 stays ok.
    await ok('alerts.evaluate', {}, ownerToken);
    expect((await openAlerts()).map((a) => [a.sku, a.qty, a.lowLevel])).toEqual([['APL-1', 5, 6]]);
  });
});
