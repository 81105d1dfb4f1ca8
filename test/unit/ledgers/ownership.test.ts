import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  mentionsColumn,
  readTableNames,
  scanSource,
  sourceFiles,
  type Write,
  type WriteOp,
} from '../../support/write-scanner';

// One owner per ledger (DESIGN.md, issue 17): each ledger's tables are written by one module,
// and every path (the till, an import, a sync pull, a conflict's resolution) goes through it, so
// the side effects that follow from its domain events (rollups, outbox rows, audit entries)
// cannot be forgotten. This test reads every file of src-main/core and fails on a write to a
// ledger's table from anywhere else, naming the file and line.
//
// To add a ledger (member points, wallet claims, shares, task pools...): one entry in LEDGERS.
// SQL table names are those of the schemas (src-main/core/*/schema.ts); a test below checks them.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORE = 'src-main/core';

interface TableRule {
  /** The SQL name of the table. */
  table: string;
  /** Which writes belong to the ledger (default: insert, update and delete). */
  ops?: WriteOp[];
  /**
   * Only writes that assign one of these columns (a table shared by several owners, such as a
   * template's counters): an update's SET / `.set({...})`, an insert's columns.
   */
  columns?: string[];
}

interface Ledger {
  name: string;
  /** Files, or folders ending in '/' (every file below), allowed to write the tables. */
  owners: string[];
  tables: TableRule[];
}

const ALL_ROLLUPS = [
  'rollup_store_day',
  'rollup_store_product_day',
  'rollup_product_day',
  'rollup_template_day',
  'rollup_region_day',
  'rollup_cashier_day',
  'rollup_consumer_day',
  'rollup_customer_day',
  'rollup_consumer_stamp',
  'customer_store_first',
  'analytics_state',
];

const LEDGERS: Ledger[] = [
  {
    name: 'redemptions',
    owners: ['src-main/core/redemption/ledger.ts'],
    tables: [
      { table: 'redemptions' },
      // Redeemed, active again after a void (a cancellation is the issue ledger's, below).
      { table: 'coupons', ops: ['update'], columns: ['status'] },
      { table: 'coupon_templates', ops: ['update'], columns: ['redeemed_count', 'redeemed_fen'] },
    ],
  },
  {
    name: 'coupons issued',
    owners: ['src-main/core/coupons/issue-ledger.ts'],
    tables: [
      { table: 'coupons', ops: ['insert'] },
      { table: 'coupon_templates', ops: ['update'], columns: ['issued_count'] },
    ],
  },
  {
    // Cashback slips printed and paid (here, or learnt paid elsewhere).
    name: 'cashback codes',
    owners: ['src-main/core/cashback/ledger.ts'],
    tables: [{ table: 'cashback_codes' }],
  },
  {
    name: 'stock movements',
    owners: ['src-main/core/stock/ledger.ts'],
    tables: [
      { table: 'stock_movements' },
      // The quantity on hand; the slow-moving clock (above_high_since) is the alerts' own.
      { table: 'stock_levels', ops: ['insert', 'delete'] },
      { table: 'stock_levels', ops: ['update'], columns: ['qty'] },
    ],
  },
  {
    // Sales, their lines, coupons and tenders, and returns (returned quantities, refunds per
    // tender, status).
    name: 'sales',
    owners: ['src-main/core/sales/ledger.ts'],
    tables: [
      { table: 'sales' },
      { table: 'sale_lines' },
      { table: 'sale_coupons' },
      { table: 'sale_tenders' },
      { table: 'sale_refunds' },
    ],
  },
  {
    // The till's shifts (float, handover, 长款/短款) and closed business days (日结).
    name: 'till',
    owners: ['src-main/core/till/ledger.ts'],
    tables: [{ table: 'shifts' }, { table: 'day_closes' }],
  },
  {
    name: 'member points',
    owners: ['src-main/core/points/ledger.ts'],
    tables: [{ table: 'point_lots' }, { table: 'point_movements' }],
  },
  {
    // Who asked for no more texts, decided by the cloud and applied from the pull.
    name: 'sms suppressions',
    owners: ['src-main/core/outreach/suppressions.ts'],
    tables: [{ table: 'sms_suppressions' }],
  },
  {
    // A campaign and the recipients frozen with it (their arms decide the lift).
    name: 'outreach campaigns',
    owners: ['src-main/core/outreach/campaigns.ts'],
    tables: [{ table: 'outreach_campaigns' }, { table: 'outreach_recipients' }],
  },
  {
    name: 'members',
    owners: ['src-main/core/members/ledger.ts'],
    tables: [
      { table: 'members' },
      { table: 'member_aliases' },
      { table: 'member_consents' },
      { table: 'member_consent_log' },
      { table: 'member_level_history' },
    ],
  },
  {
    // Issuance QRs and the stores' default coupons (what phones may claim through the cloud),
    // and the claimed codes counted on their template.
    name: 'wallet claims',
    owners: ['src-main/core/claims/ledger.ts'],
    tables: [
      { table: 'claim_issuances' },
      { table: 'store_default_coupons' },
      { table: 'coupon_templates', ops: ['update'], columns: ['claimed_count'] },
    ],
  },
  {
    // The live writer, and the rebuild that replaces the tables from the raw ledgers (its
    // worker, analytics/worker.ts, writes only through rebuild.ts).
    name: 'rollups',
    owners: ['src-main/core/analytics/rollups.ts', 'src-main/core/analytics/rebuild.ts'],
    tables: ALL_ROLLUPS.map((table) => ({ table })),
  },
  {
    name: 'outbox',
    owners: ['src-main/core/outbox/'],
    tables: [{ table: 'outbox' }],
  },
  {
    name: 'audit log',
    owners: ['src-main/core/audit/'],
    tables: [{ table: 'audit_log' }],
  },
];

/**
 * Writers allowed besides the owners, each for the tables listed and no other, with why.
 */
const EXCEPTIONS: { file: string; tables: string[]; why: string }[] = [
  {
    // A code taken out of use before it was redeemed: the issue ledger's to say which codes
    // exist and may be used; the redemption ledger owns the redeemed state.
    file: 'src-main/core/coupons/issue-ledger.ts',
    tables: ['coupons'],
    why: 'cancelling a code (status cancelled) is the end of its issue',
  },
  {
    // demo.generate fills the EMPTY demo shop (it refuses a real shop, or one with sales) with
    // synthetic history in the analytics worker, in bulk, and then rebuilds the rollups from it.
    // It must not go through the owners: their events would put demo rows in the outbox (and
    // so in the cloud and every other PC of the chain) and in the audit log.
    file: 'src-main/core/analytics/demo/generator.ts',
    tables: [
      'sales',
      'sale_lines',
      'sale_coupons',
      'coupons',
      'redemptions',
      'cashback_codes',
      'coupon_templates',
    ],
    why: 'synthetic history for an empty demo shop; no outbox, no audit; rollups rebuilt after',
  },
  {
    // The demo shop's members, signed up with their consents by demo.generate, like its sales.
    file: 'src-main/core/analytics/demo/members.ts',
    tables: ['members', 'member_consents', 'member_consent_log'],
    why: 'synthetic members of an empty demo shop; no outbox, no audit',
  },
];

/**
 * Files whose SQL names its table through a `${...}`, which no rule can check. Each is allowed
 * for its reason only; any other such write fails below.
 */
const DYNAMIC_SQL: { file: string; why: string }[] = [
  {
    file: 'src-main/core/analytics/rollups.ts',
    why: 'one upsert per rollup table, built from ROLLUP_TABLES',
  },
  {
    file: 'src-main/core/analytics/rebuild.ts',
    why: 'the swap of each rollup table with its rebuilt temporary copy',
  },
];

const isOwner = (file: string, owners: string[]) =>
  owners.some((owner) => (owner.endsWith('/') ? file.startsWith(owner) : file === owner));

const ruleMatches = (rule: TableRule, write: Write) =>
  write.table === rule.table &&
  (!rule.ops || rule.ops.includes(write.op)) &&
  (!rule.columns || rule.columns.some((c) => mentionsColumn(write.assigns, c)));

const describeWrite = (w: Write) =>
  `${w.file}:${w.line}  ${w.how} ${w.op} ${w.table ?? '${...}'}  ${w.text.replace(/\s+/g, ' ').slice(0, 100)}`;

/** Tests, migrations and type declarations write nothing at run time. */
const skip = (relative: string) =>
  relative.includes('/migrations') || /\.(test|spec)\.ts$/.test(relative);

function scanCore() {
  const files = sourceFiles(ROOT, CORE, skip);
  const tables = readTableNames(
    files.filter((f) => f.endsWith('/schema.ts')).map((f) => path.join(ROOT, f)),
  );
  const writes = files.flatMap((file) =>
    scanSource(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), tables),
  );
  return { files, tables, writes };
}

const scan = scanCore();

describe('the write scanner', () => {
  it('finds each kind of write, and nothing in comments, upserts or other methods', () => {
    const tables = new Map([
      ['redemptions', 'redemptions'],
      ['coupons', 'coupons'],
      ['couponTemplates', 'coupon_templates'],
    ]);
    const sample = `
      import { redemptions as ledger, coupons } from '../coupons/schema';
      // UPDATE coupons SET status = 'x'   (a comment: not a write)
      db.insert(ledger).values(row).run();
      db.update(coupons).set({ status: 'redeemed' }).where(eq(coupons.id, id)).run();
      tx.delete(schema.couponTemplates).run();
      cache.delete(key); hash.update(bytes); list.insert(coupons2);
      sqlite.prepare('INSERT OR IGNORE INTO coupons (id) VALUES (?)');
      sqlite.exec(\`
        REPLACE INTO redemptions (id) VALUES (1);
        update coupon_templates set redeemed_count = redeemed_count + 1 where id = ?;
        INSERT INTO outbox (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = excluded.id;
        DELETE FROM temp.scratch;
        DELETE FROM \${table.name} WHERE x = 1\`);
    `;
    const found = scanSource('sample.ts', sample, tables).map((w) => [
      w.line,
      w.how,
      w.op,
      w.table,
      w.assigns.replace(/\s+/g, ' ').trim(),
    ]);
    expect(found).toEqual([
      [4, 'drizzle', 'insert', 'redemptions', 'row'],
      [5, 'drizzle', 'update', 'coupons', "{ status: 'redeemed' }"],
      [6, 'drizzle', 'delete', 'coupon_templates', ''],
      [8, 'sql', 'insert', 'coupons', '(id) VALUES (?)'],
      [10, 'sql', 'insert', 'redemptions', '(id) VALUES (1)'],
      [11, 'sql', 'update', 'coupon_templates', 'redeemed_count = redeemed_count + 1'],
      [
        12,
        'sql',
        'insert',
        'outbox',
        '(id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = excluded.id',
      ],
      [14, 'sql', 'delete', null, ''],
    ]);
    expect(mentionsColumn('redeemedCount: sql`x + 1`', 'redeemed_count')).toBe(true);
    expect(mentionsColumn('{ status }', 'redeemed_count')).toBe(false);
  });

  it('reads the schemas and finds, in src-main/core, writes to every table the rules name', () => {
    expect(scan.files.length).toBeGreaterThan(50);
    // Known drizzle tables → their SQL names, as the schemas declare them.
    expect(scan.tables.get('redemptions')).toBe('redemptions');
    expect(scan.tables.get('couponTemplates')).toBe('coupon_templates');
    expect(scan.tables.get('auditLog')).toBe('audit_log');
    expect(scan.tables.get('rollupStoreDay')).toBe('rollup_store_day');
    // Every rule names a table of the schema, and some file of the core writes that table: a
    // rule over a table nobody seems to write (renamed, misspelt, or written through a helper
    // the scanner cannot follow) would pass for the wrong reason.
    const schemaTables = new Set(scan.tables.values());
    const unwritten: string[] = [];
    for (const ledger of LEDGERS)
      for (const rule of ledger.tables) {
        expect(schemaTables, `${ledger.name}: ${rule.table}`).toContain(rule.table);
        // The rollup tables are written through dynamic SQL (see DYNAMIC_SQL) bar these few.
        if (ALL_ROLLUPS.slice(0, 7).includes(rule.table)) continue;
        if (!scan.writes.some((w) => w.table === rule.table))
          unwritten.push(`${ledger.name}: ${rule.table}`);
      }
    expect(unwritten, 'tables of the rules that nothing in src-main/core writes').toEqual([]);
    // Both kinds of write are seen in the core itself.
    expect(scan.writes.some((w) => w.how === 'drizzle' && w.table === 'audit_log')).toBe(true);
    expect(scan.writes.some((w) => w.how === 'sql' && w.table === 'rollup_consumer_stamp')).toBe(
      true,
    );
    expect(scan.writes.some((w) => w.how === 'sql' && w.table === null)).toBe(true);
  });
});

describe('one owner per ledger', () => {
  it.each(LEDGERS.map((ledger) => [ledger.name, ledger] as const))(
    '%s: written only by its owner',
    (_, ledger) => {
      const missing = ledger.owners.filter(
        (owner) => !fs.existsSync(path.join(ROOT, owner.replace(/\/$/, ''))),
      );
      expect.soft(missing, `${ledger.name}: its owner does not exist yet`).toEqual([]);
      const strays = scan.writes.filter(
        (write) =>
          ledger.tables.some((rule) => ruleMatches(rule, write)) &&
          !isOwner(write.file, ledger.owners) &&
          !EXCEPTIONS.some((e) => e.file === write.file && e.tables.includes(write.table!)),
      );
      expect(
        strays.map(describeWrite),
        `writes to the ${ledger.name} ledger outside ${ledger.owners.join(', ')}`,
      ).toEqual([]);
    },
  );

  it('no SQL names its table through a substitution, except where the table list says why', () => {
    const dynamic = scan.writes.filter(
      (w) => w.table === null && !DYNAMIC_SQL.some((d) => d.file === w.file),
    );
    expect(dynamic.map(describeWrite)).toEqual([]);
  });
});
