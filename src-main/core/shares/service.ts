import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import { displayCode } from '../../../src-shared/coupons/codes';
import type { Sqlite } from '../db/open';

type ShareNode = OutputOf<'shares.tree'>['nodes'][number];

/**
 * What a campaign's coupons did between phones: the counts, and its tree — every claimed coupon
 * that was shared (a root), the coupons given from it, and theirs, each with its status here
 * (redeemed, still active, cancelled by a transfer). Roots with the most descendants first.
 */
export class SharesService {
  private readonly q;

  constructor(sqlite: Sqlite) {
    this.q = {
      rows: sqlite.prepare(
        `SELECT s.from_code AS fromCode, s.to_code AS toCode, s.mode, s.hop, s.at,
           f.status AS fromStatus, t.status AS toStatus
         FROM coupon_shares s
         LEFT JOIN coupons f ON f.code = s.from_code
         LEFT JOIN coupons t ON t.code = s.to_code
         WHERE s.template_id = ? ORDER BY s.at`,
      ),
      // Claimed from a QR: the cloud's codes that no share gave.
      claimed: sqlite
        .prepare(
          `SELECT count(*) FROM coupons c WHERE c.template_id = ? AND c.claimed = 1
           AND NOT EXISTS (SELECT 1 FROM coupon_shares s WHERE s.to_code = c.code)`,
        )
        .pluck(),
    };
  }

  tree(input: ParsedInputOf<'shares.tree'>): OutputOf<'shares.tree'> {
    const rows = this.q.rows.all(input.templateId) as {
      fromCode: string;
      toCode: string;
      mode: 'transfer' | 'copy';
      hop: number;
      at: number;
      fromStatus: ShareNode['status'] | null;
      toStatus: ShareNode['status'] | null;
    }[];
    const nodes = new Map<string, ShareNode>();
    const children = new Map<string, string[]>();
    for (const row of rows) {
      nodes.set(row.toCode, {
        code: row.toCode,
        display: displayCode(row.toCode),
        parentCode: row.fromCode,
        mode: row.mode,
        hop: row.hop,
        status: row.toStatus ?? 'unknown',
        at: row.at,
      });
      children.set(row.fromCode, [...(children.get(row.fromCode) ?? []), row.toCode]);
    }
    // Roots: codes that gave and were not given (claimed from a QR).
    for (const row of rows)
      if (!nodes.has(row.fromCode))
        nodes.set(row.fromCode, {
          code: row.fromCode,
          display: displayCode(row.fromCode),
          parentCode: null,
          mode: null,
          hop: 0,
          status: row.fromStatus ?? 'unknown',
          at: null,
        });
    const size = (code: string): number =>
      1 + (children.get(code) ?? []).reduce((n, child) => n + size(child), 0);
    const ordered: ShareNode[] = [];
    const visit = (code: string) => {
      ordered.push(nodes.get(code)!);
      for (const child of children.get(code) ?? []) visit(child);
    };
    [...nodes.values()]
      .filter((node) => node.parentCode === null)
      .sort((a, b) => size(b.code) - size(a.code))
      .forEach((root) => visit(root.code));
    return {
      claimed: this.q.claimed.get(input.templateId) as number,
      transfers: rows.filter((r) => r.mode === 'transfer').length,
      copies: rows.filter((r) => r.mode === 'copy').length,
      sharedRedeemed: rows.filter((r) => r.toStatus === 'redeemed').length,
      nodes: ordered.slice(0, input.limit),
    };
  }
}
