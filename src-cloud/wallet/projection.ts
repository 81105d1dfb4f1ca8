import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { couponRuleSchema, type TemplateRule } from '../../src-shared/contract/coupons';
import { issuanceChangedSchema, storeDefaultCouponSchema } from '../../src-shared/sync/wallet';
import { MAX_SHARE_HOPS } from '../../src-shared/sync/shares';
import type { Queryable } from '../db/open';
import type { TemplateShare, TemplateValidity } from './schema';

// The desktop's template row and its versions, as `templates.changed` carries them (drizzle
// rows of src-main/core/coupons/schema.ts). Read loosely: other fields are the PCs' business.
const templateRowSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  status: z.enum(['draft', 'active', 'paused', 'ended']),
  version: z.number().int(),
  validityKind: z.enum(['fixed', 'relative']),
  validStartDate: z.string().nullish(),
  validEndDate: z.string().nullish(),
  validDays: z.number().int().nullish(),
  storeIds: z.array(z.string()).default([]),
  codeFormat: z.enum(['numeric', 'base32']).default('numeric'),
  shareMode: z.enum(['none', 'transfer', 'copy']).default('none'),
  maxShares: z.number().int().nullish(),
  shareMaxHops: z.number().int().min(1).default(MAX_SHARE_HOPS),
  totalIssueLimit: z.number().int().nullish(),
  issuedCount: z.number().int().default(0),
  updatedAt: z.number(),
});
const versionRowSchema = z.looseObject({ version: z.number().int(), rule: couponRuleSchema });

// The desktop's member row (`members.changed`) and point movement (`points.moved`), read loosely.
const memberRowSchema = z.looseObject({
  id: z.string().min(1),
  phone: z.string().min(1),
  name: z.string().nullish(),
  levelId: z.string().nullish(),
  updatedAt: z.number(),
  deletedAt: z.number().nullish(),
  mergedIntoId: z.string().nullish(),
});
const pointsMovedSchema = z.looseObject({
  id: z.string().min(1),
  memberId: z.string().min(1),
  points: z.number().int(),
  availableAt: z.number().nullish(),
});

interface TemplateChange {
  merchantId: string;
  templateId: string;
  name: string;
  status: string;
  version: number;
  rules: Record<string, TemplateRule>;
  validity: TemplateValidity;
  storeIds: string[];
  codeFormat: string;
  share: TemplateShare;
  updatedAt: number;
}

function readTemplate(merchantId: string, payload: Record<string, unknown>): TemplateChange | null {
  const row = templateRowSchema.safeParse(payload.template);
  if (!row.success) return null;
  const t = row.data;
  const validity: TemplateValidity | null =
    t.validityKind === 'fixed'
      ? t.validStartDate && t.validEndDate
        ? { kind: 'fixed', startDate: t.validStartDate, endDate: t.validEndDate }
        : null
      : t.validDays
        ? { kind: 'relative', days: t.validDays }
        : null;
  if (!validity) return null;
  const rules: Record<string, TemplateRule> = {};
  for (const v of Array.isArray(payload.versions) ? payload.versions : []) {
    const version = versionRowSchema.safeParse(v);
    if (version.success) rules[String(version.data.version)] = version.data.rule;
  }
  return {
    merchantId,
    templateId: t.id,
    name: t.name,
    status: t.status,
    version: t.version,
    rules,
    validity,
    storeIds: t.storeIds,
    codeFormat: t.codeFormat,
    share: {
      mode: t.shareMode,
      maxShares: t.maxShares ?? null,
      maxHops: t.shareMaxHops,
      totalIssueLimit: t.totalIssueLimit ?? null,
      issuedCount: t.issuedCount,
    },
    updatedAt: t.updatedAt,
  };
}

/**
 * The wallet's projections of the log: templates, issuance QRs, store posters, and members with
 * their point movements (the member card). Part of the
 * projector's batch (live pushes and rebuilds fold the same way); newer `updatedAt` wins.
 */
export class WalletProjection {
  private readonly templates = new Map<string, TemplateChange>();
  private readonly issuances = new Map<string, Record<string, unknown>>();
  private readonly defaults = new Map<string, Record<string, unknown>>();
  private readonly members = new Map<string, Record<string, unknown>>();
  private readonly points = new Map<string, Record<string, unknown>>();

  get size() {
    return (
      this.templates.size +
      this.issuances.size +
      this.defaults.size +
      this.members.size +
      this.points.size
    );
  }

  add(merchantId: string, kind: string, payload: Record<string, unknown>): void {
    if (kind === 'templates.changed') {
      const t = readTemplate(merchantId, payload);
      if (!t) return;
      const key = `${merchantId}|${t.templateId}`;
      const prior = this.templates.get(key);
      // Versions add up whichever edit wins; the rest follows the newer edit.
      const rules = { ...prior?.rules, ...t.rules };
      this.templates.set(
        key,
        !prior || prior.updatedAt <= t.updatedAt ? { ...t, rules } : { ...prior, rules },
      );
    } else if (kind === 'claims.issuanceChanged') {
      const parsed = issuanceChangedSchema.safeParse(payload);
      if (!parsed.success) return;
      const i = parsed.data;
      const key = `${merchantId}|${i.id}`;
      const prior = this.issuances.get(key);
      if (!prior || (prior.updated_at as number) <= i.updatedAt)
        this.issuances.set(key, {
          merchant_id: merchantId,
          id: i.id,
          template_id: i.templateId,
          title: i.title,
          count: i.count,
          per_person: i.perPerson,
          starts_at: i.startsAt,
          ends_at: i.endsAt,
          store_id: i.storeId,
          status: i.status,
          updated_at: i.updatedAt,
        });
    } else if (kind === 'members.changed') {
      const parsed = memberRowSchema.safeParse(payload);
      if (!parsed.success) return;
      const m = parsed.data;
      const key = `${merchantId}|${m.id}`;
      const prior = this.members.get(key);
      if (!prior || (prior.updated_at as number) <= m.updatedAt)
        this.members.set(key, {
          merchant_id: merchantId,
          member_id: m.id,
          phone: m.phone,
          name: m.name ?? '',
          level_id: m.levelId ?? null,
          deleted: m.deletedAt != null,
          merged_into: m.mergedIntoId ?? null,
          updated_at: m.updatedAt,
        });
    } else if (kind === 'points.moved') {
      const parsed = pointsMovedSchema.safeParse(payload);
      if (!parsed.success) return;
      const p = parsed.data;
      this.points.set(`${merchantId}|${p.id}`, {
        merchant_id: merchantId,
        movement_id: p.id,
        member_id: p.memberId,
        points: p.points,
        available_at: p.availableAt ?? null,
      });
    } else if (kind === 'stores.defaultCouponChanged') {
      const parsed = storeDefaultCouponSchema.safeParse(payload);
      if (!parsed.success) return;
      const d = parsed.data;
      const key = `${merchantId}|${d.storeId}`;
      const prior = this.defaults.get(key);
      if (!prior || (prior.updated_at as number) <= d.updatedAt)
        this.defaults.set(key, {
          merchant_id: merchantId,
          store_id: d.storeId,
          template_id: d.templateId,
          updated_at: d.updatedAt,
        });
    }
  }

  async flush(db: Queryable): Promise<void> {
    if (this.templates.size) {
      const rows = JSON.stringify(
        [...this.templates.values()].map((t) => ({
          merchant_id: t.merchantId,
          template_id: t.templateId,
          name: t.name,
          status: t.status,
          version: t.version,
          rules: t.rules,
          validity: t.validity,
          store_ids: t.storeIds,
          code_format: t.codeFormat,
          share: t.share,
          updated_at: t.updatedAt,
        })),
      );
      await db.execute(sql`
        insert into wallet_templates (merchant_id, template_id, name, status, version, rules,
          validity, store_ids, code_format, share, updated_at)
        select * from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text, template_id text,
          name text, status text, version integer, rules jsonb, validity jsonb, store_ids jsonb,
          code_format text, share jsonb, updated_at bigint)
        on conflict (merchant_id, template_id) do update set
          rules = wallet_templates.rules || excluded.rules,
          name = case when excluded.updated_at >= wallet_templates.updated_at
            then excluded.name else wallet_templates.name end,
          status = case when excluded.updated_at >= wallet_templates.updated_at
            then excluded.status else wallet_templates.status end,
          version = case when excluded.updated_at >= wallet_templates.updated_at
            then excluded.version else wallet_templates.version end,
          validity = case when excluded.updated_at >= wallet_templates.updated_at
            then excluded.validity else wallet_templates.validity end,
          store_ids = case when excluded.updated_at >= wallet_templates.updated_at
            then excluded.store_ids else wallet_templates.store_ids end,
          code_format = case when excluded.updated_at >= wallet_templates.updated_at
            then excluded.code_format else wallet_templates.code_format end,
          share = case when excluded.updated_at >= wallet_templates.updated_at
            then excluded.share else wallet_templates.share end,
          updated_at = greatest(excluded.updated_at, wallet_templates.updated_at)`);
    }
    if (this.issuances.size) {
      const rows = JSON.stringify([...this.issuances.values()]);
      // The claim counter is the cloud's own: an edit from the desktop never resets it.
      await db.execute(sql`
        insert into wallet_issuances (merchant_id, id, source, template_id, title, count,
          per_person, starts_at, ends_at, store_id, status, updated_at, claimed)
        select merchant_id, id, 'desktop', template_id, title, count, per_person, starts_at,
          ends_at, store_id, status, updated_at, 0
        from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text, id text,
          template_id text, title text, count integer, per_person integer, starts_at bigint,
          ends_at bigint, store_id text, status text, updated_at bigint)
        on conflict (merchant_id, id) do update set template_id = excluded.template_id,
          title = excluded.title, count = excluded.count, per_person = excluded.per_person,
          starts_at = excluded.starts_at, ends_at = excluded.ends_at,
          store_id = excluded.store_id, status = excluded.status,
          updated_at = excluded.updated_at
        where excluded.updated_at >= wallet_issuances.updated_at
          and wallet_issuances.source = 'desktop'`);
    }
    if (this.defaults.size) {
      const rows = JSON.stringify([...this.defaults.values()]);
      await db.execute(sql`
        insert into wallet_store_defaults (merchant_id, store_id, template_id, updated_at)
        select * from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text, store_id text,
          template_id text, updated_at bigint)
        on conflict (merchant_id, store_id) do update set template_id = excluded.template_id,
          updated_at = excluded.updated_at
        where excluded.updated_at >= wallet_store_defaults.updated_at`);
    }
    if (this.members.size) {
      const rows = JSON.stringify([...this.members.values()]);
      await db.execute(sql`
        insert into wallet_members (merchant_id, member_id, phone, name, level_id, deleted,
          merged_into, updated_at)
        select * from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text, member_id text,
          phone text, name text, level_id text, deleted boolean, merged_into text,
          updated_at bigint)
        on conflict (merchant_id, member_id) do update set phone = excluded.phone,
          name = excluded.name, level_id = excluded.level_id, deleted = excluded.deleted,
          merged_into = excluded.merged_into, updated_at = excluded.updated_at
        where excluded.updated_at >= wallet_members.updated_at`);
    }
    if (this.points.size) {
      const rows = JSON.stringify([...this.points.values()]);
      // A movement is a fact: the same one pushed again adds nothing.
      await db.execute(sql`
        insert into wallet_points (merchant_id, movement_id, member_id, points, available_at)
        select * from jsonb_to_recordset(${rows}::jsonb) as r(merchant_id text,
          movement_id text, member_id text, points integer, available_at bigint)
        on conflict (merchant_id, movement_id) do nothing`);
    }
    this.templates.clear();
    this.issuances.clear();
    this.defaults.clear();
    this.members.clear();
    this.points.clear();
  }
}
