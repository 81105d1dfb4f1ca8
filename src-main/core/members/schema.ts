import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/**
 * A member (会员), keyed by mainland mobile in E.164. `phoneLast4` and `nameInitials` are kept
 * beside the phone and the name so the till finds a member by the last four digits or by
 * pinyin initials through an index, at 200k members.
 */
export const members = sqliteTable(
  'members',
  {
    id: text().primaryKey(),
    phone: text().notNull(),
    phoneLast4: text().notNull(),
    name: text().notNull().default(''),
    nameInitials: text().notNull().default(''),
    gender: text({ enum: ['male', 'female', 'unknown'] })
      .notNull()
      .default('unknown'),
    /** MM-DD; the year apart and optional (many give only the day). */
    birthday: text(),
    birthYear: integer(),
    /** The store of sign-up. */
    storeId: text(),
    levelId: text(),
    /** When the level is looked at again for a downgrade (UTC ms). */
    levelReviewAt: integer(),
    tags: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
    note: text().notNull().default(''),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
    /** Deleted at the member's request (PIPL): personal data pseudonymised, the ledgers kept. */
    deletedAt: integer(),
    /**
     * Merged into another member (the same person with a second phone): this row and its phone
     * stay, and every lookup by that phone finds the member it was merged into.
     */
    mergedIntoId: text(),
  },
  (t) => [
    uniqueIndex('members_phone_unique').on(t.phone),
    index('members_last4_idx').on(t.phoneLast4),
    index('members_initials_idx').on(t.nameInitials),
    index('members_level_idx').on(t.levelId),
    index('members_birthday_idx').on(t.birthday),
    index('members_review_idx').on(t.levelReviewAt),
    index('members_merged_into_idx').on(t.mergedIntoId),
  ],
);

/** A member's consent per purpose as it stands now (the log below keeps every change). */
export const memberConsents = sqliteTable(
  'member_consents',
  {
    memberId: text()
      .notNull()
      .references(() => members.id),
    purpose: text({ enum: ['marketingSms', 'location', 'profiling'] }).notNull(),
    granted: integer({ mode: 'boolean' }).notNull(),
    source: text().notNull(),
    /** The exact text the member was shown (PIPL: what they agreed to). */
    textShown: text().notNull(),
    at: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.purpose] })],
);

/** Every consent given or withdrawn, never rewritten: what the law asks to keep. */
export const memberConsentLog = sqliteTable(
  'member_consent_log',
  {
    id: text().primaryKey(),
    memberId: text()
      .notNull()
      .references(() => members.id),
    purpose: text({ enum: ['marketingSms', 'location', 'profiling'] }).notNull(),
    granted: integer({ mode: 'boolean' }).notNull(),
    source: text().notNull(),
    textShown: text().notNull(),
    staffId: text(),
    at: integer().notNull(),
  },
  (t) => [index('member_consent_log_member_idx').on(t.memberId, t.at)],
);

/** The merchant's levels (普通 / 银卡 / 金卡...): a rolling 12-month spend to reach each. */
export const memberLevels = sqliteTable('member_levels', {
  id: text().primaryKey(),
  name: text().notNull(),
  /** Qualifying spend over the last 12 months to hold the level (fen). */
  thresholdFen: integer().notNull(),
  /** Points multiplier in percent (150 = ×1.5). */
  multiplierPct: integer().notNull().default(100),
  /** The coupon every member at this level gets once a month (a level benefit); null: none. */
  monthlyTemplateId: text(),
  position: integer().notNull(),
  updatedAt: integer().notNull(),
});

/** Every level change with its reason. */
export const memberLevelHistory = sqliteTable(
  'member_level_history',
  {
    id: text().primaryKey(),
    memberId: text()
      .notNull()
      .references(() => members.id),
    fromLevelId: text(),
    toLevelId: text(),
    reason: text({ enum: ['signUp', 'upgrade', 'downgrade', 'manual'] }).notNull(),
    qualifyingFen: integer().notNull(),
    at: integer().notNull(),
  },
  (t) => [index('member_level_history_member_idx').on(t.memberId, t.at)],
);

/**
 * Qualifying spend per member and business day (paid less refunded): the rolling 12 months is a
 * sum over at most 366 rows, kept by the sales events.
 */
export const memberSpendDays = sqliteTable(
  'member_spend_days',
  {
    memberId: text().notNull(),
    day: text().notNull(),
    fen: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.day] })],
);

/** Coupons the member jobs gave (welcome once, birthday once a year): never twice. */
export const memberCouponGrants = sqliteTable(
  'member_coupon_grants',
  {
    memberId: text().notNull(),
    /** 'welcome', or 'birthday:2026'. */
    reason: text().notNull(),
    templateId: text().notNull(),
    code: text(),
    at: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.reason] })],
);

/**
 * Two PCs signed the same phone up while apart: the member created first keeps the phone, and
 * the other's id is an alias of it here, so its points and consents, pulled later, land on the
 * member that kept the phone.
 */
export const memberAliases = sqliteTable('member_aliases', {
  aliasId: text().primaryKey(),
  memberId: text().notNull(),
  at: integer().notNull(),
});

/**
 * Two member records found to be one person (two phones): `mergedId` merged into `keptId`.
 * What moved is recorded with it (the lots and the qualifying spend below), so an undo within
 * 30 days gives back exactly that, whatever the kept member did since.
 */
export const memberMerges = sqliteTable(
  'member_merges',
  {
    id: text().primaryKey(),
    keptId: text().notNull(),
    mergedId: text().notNull(),
    reason: text().notNull().default(''),
    staffId: text(),
    at: integer().notNull(),
    undoneAt: integer(),
    undoneBy: text(),
  },
  (t) => [
    index('member_merges_kept_idx').on(t.keptId),
    index('member_merges_merged_idx').on(t.mergedId),
  ],
);

/** The points lots a merge moved to the kept member (their movements follow their lot). */
export const memberMergeLots = sqliteTable(
  'member_merge_lots',
  {
    mergeId: text().notNull(),
    lotId: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.mergeId, t.lotId] })],
);

/** The qualifying spend per day a merge added to the kept member's. */
export const memberMergeSpend = sqliteTable(
  'member_merge_spend',
  {
    mergeId: text().notNull(),
    day: text().notNull(),
    fen: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.mergeId, t.day] })],
);
