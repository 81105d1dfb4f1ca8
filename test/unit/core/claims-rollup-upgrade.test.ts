import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, openDatabase } from '../../../src-main/core/db/open';
import { createMemoryLogger } from '../../../src-node/logger';
import { tempDir } from '../../support/core';

// Migration 0026_claims_rollup: the template-day rollups gain a `claimed` measure and the coupons
// a `claimed` flag. A shop upgraded with codes phones claimed through an issuance QR gets them
// flagged, and its rollups rebuilt at the next start; a shop with none keeps its rollups.

const MIGRATION = '0026_claims_rollup';

/** The shop's migrations as the version before this one shipped them. */
function migrationsBefore(dir: string): string {
  const before = path.join(dir, 'migrations-before');
  fs.cpSync(defaultMigrationsDir(), before, { recursive: true });
  const journalFile = path.join(before, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as {
    entries: { tag: string }[];
  };
  const at = journal.entries.findIndex((entry) => entry.tag === MIGRATION);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return before;
}

/**
 * A database of the previous version holding one code of an issuance QR (its batch) when
 * `claimedOne`, and one code of a batch this PC never saw; its rollups last rebuilt at 1.
 */
async function shopBefore(claimedOne: boolean) {
  const dir = tempDir();
  const file = path.join(dir, 'shop.db');
  const options = { file, backupDir: path.join(dir, 'backups'), logger: createMemoryLogger() };
  const { sqlite } = await openDatabase({ ...options, migrationsDir: migrationsBefore(dir) });
  // Bare rows: the template and store they name do not matter here.
  sqlite.pragma('foreign_keys = OFF');
  sqlite
    .prepare(
      `INSERT INTO claim_issuances (id, template_id, title, count, per_person, status, created_at, updated_at)
       VALUES ('issuance-1', 'template-1', '扫码领券', 100, 1, 'active', 1, 1)`,
    )
    .run();
  const code = sqlite.prepare(
    `INSERT INTO coupons (id, code, template_id, template_version, status, valid_from, valid_until,
       batch_id, issued_at) VALUES (?, ?, 'template-1', 1, 'active', 0, 1, ?, 1)`,
  );
  if (claimedOne) code.run('coupon-claimed', 'CLAIMED1', 'issuance-1');
  code.run('coupon-other', 'OTHER1', 'unknown-batch');
  sqlite.prepare('UPDATE analytics_state SET rebuilt_at = 1 WHERE id = 1').run();
  sqlite.close();
  return openDatabase(options);
}

describe('upgrading to claims in the coupon-effect rollups', () => {
  it('flags the codes of issuance QRs as claimed and marks the rollups for a rebuild', async () => {
    const { sqlite } = await shopBefore(true);
    expect(sqlite.prepare('SELECT id, claimed FROM coupons ORDER BY id').all()).toEqual([
      { id: 'coupon-claimed', claimed: 1 },
      { id: 'coupon-other', claimed: 0 },
    ]);
    expect(sqlite.prepare('SELECT rebuilt_at FROM analytics_state').get()).toEqual({
      rebuilt_at: null,
    });
    sqlite.close();
  });

  it('leaves the rollups of a shop without claimed codes as they are', async () => {
    const { sqlite } = await shopBefore(false);
    expect(sqlite.prepare('SELECT id, claimed FROM coupons').all()).toEqual([
      { id: 'coupon-other', claimed: 0 },
    ]);
    expect(sqlite.prepare('SELECT rebuilt_at FROM analytics_state').get()).toEqual({
      rebuilt_at: 1,
    });
    sqlite.close();
  });
});
