import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import type { AudienceRules } from '../../../src-shared/outreach/audience';
import type { SmsCampaignStatus } from '../../../src-shared/sync/outreach';

/** A saved audience: its rules, not its members (counted again whenever it is used). */
export const outreachAudiences = sqliteTable('outreach_audiences', {
  id: text().primaryKey(),
  name: text().notNull(),
  rules: text({ mode: 'json' }).$type<AudienceRules>().notNull(),
  createdAt: integer().notNull(),
  updatedAt: integer().notNull(),
});

/**
 * A campaign: the offer, the text, and the audience frozen into `outreach_recipients` when it
 * was created, split by `seed` into treatment and holdout. An automation's run is a campaign
 * too, once per kind and local day (`runDay`).
 */
export const outreachCampaigns = sqliteTable(
  'outreach_campaigns',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    kind: text({ enum: ['manual', 'expiryReminder', 'birthday', 'winBack'] }).notNull(),
    state: text({ enum: ['draft', 'sending', 'sent'] }).notNull(),
    rules: text({ mode: 'json' }).$type<AudienceRules>().notNull(),
    templateId: text(),
    text: text().notNull(),
    signature: text().notNull(),
    holdoutPct: integer().notNull(),
    seed: text().notNull(),
    sendAt: integer(),
    resultDays: integer().notNull(),
    timeZone: text().notNull(),
    audienceCount: integer().notNull(),
    treatmentCount: integer().notNull(),
    holdoutCount: integer().notNull(),
    excluded: text({ mode: 'json' }).$type<Record<string, number>>().notNull(),
    /** The local day an automation ran for; null for a manual campaign. */
    runDay: text(),
    createdAt: integer().notNull(),
    createdBy: text(),
    sentAt: integer(),
    /** The cloud's last answer about the sending, for the results page when it is unreachable. */
    lastStatus: text({ mode: 'json' }).$type<SmsCampaignStatus>(),
  },
  (t) => [
    index('outreach_campaigns_created_idx').on(t.createdAt),
    uniqueIndex('outreach_campaigns_run_unique').on(t.kind, t.runDay),
  ],
);

/** Who a campaign was for, frozen at creation: the arm each was drawn into, or why left out. */
export const outreachRecipients = sqliteTable(
  'outreach_recipients',
  {
    campaignId: text().notNull(),
    phone: text().notNull(),
    memberId: text(),
    stratum: text().notNull(),
    arm: text({ enum: ['treatment', 'holdout', 'excluded'] }).notNull(),
    reason: text({ enum: ['noConsent', 'suppressed', 'frequencyCap'] }),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.phone] }),
    // The frequency cap counts a phone's texts over 30 days.
    index('outreach_recipients_phone_idx').on(t.phone, t.arm),
  ],
);

/**
 * Phones that asked for no more texts under a signature, kept by phone hash (the cloud decides
 * it from the reply and every PC pulls it as `sms.suppressed`), so a merged or deleted member
 * stays suppressed.
 */
export const smsSuppressions = sqliteTable(
  'sms_suppressions',
  {
    phoneHash: text().notNull(),
    signature: text().notNull(),
    reason: text().notNull(),
    at: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.phoneHash, t.signature] })],
);
