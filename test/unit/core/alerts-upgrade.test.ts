import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readJournal } from '../../../src-main/core/db/open';
import { OWNER_PIN, tempDir, testCore } from '../../support/core';
import { inventoryShop } from '../../support/inventory';

/** The migrations as the app shipped them before `tag`: what an existing shop's database has. */
function migrationsBefore(tag: string): string {
  const dir = path.join(tempDir(), 'migrations');
  fs.cpSync(defaultMigrationsDir(), dir, { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8'));
  const upTo = readJournal(dir).findIndex((entry) => entry.tag === tag);
  expect(upTo).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, upTo);
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  return dir;
}

describe('upgrading to "low stock is strictly below the level"', () => {
  it('moves every stored low level up by one, so no alert changes overnight', async () => {
    const dataDir = tempDir();
    const old = await inventoryShop({
      dataDir,
      migrationsDir: migrationsBefore('0012_low_level_strictly_below'),
    });
    await old.receive('APL-1', 5);
    await old.receive('MLK-1', 6);
    const thresholds = [
      { target: { productId: old.products.apple.id, storeId: old.ids.storeId }, lowLevel: 5 },
      { target: { category: '乳品', storeId: null }, lowLevel: 5 },
    ];
    for (const { target, lowLevel } of thresholds)
      await old.ok(
        'alerts.setThresholds',
        { target, lowLevel, highLevel: null, slowDays: null },
        old.ownerToken,
      );
    old.core.close();

    // The new version opens the same folder with every migration.
    const upgraded = await testCore({ dataDir });
    const { token } = await upgraded.ok('auth.login', { staffId: old.ids.ownerId, pin: OWNER_PIN });
    const levels = await upgraded.ok('alerts.thresholds', {}, token);
    expect(levels.map((t) => t.lowLevel).sort()).toEqual([6, 6]);
    // Apple at 5 was low under "at or below 5" and is low under "below 6"; milk at 6 stays ok.
    await upgraded.ok('alerts.evaluate', {}, token);
    const open = (await upgraded.ok('alerts.list', {}, token)).items;
    expect(open.map((a) => [a.sku, a.qty, a.lowLevel])).toEqual([['APL-1', 5, 6]]);
  });
});
