import type { Sqlite } from '../../db/open';
import { DEFAULT_MEMBER_SETTINGS } from '../../members/settings';
import type { DemoCustomers } from './customers';

/**
 * Half of each store's phone-giving customers signed up as members there, as a shop's members
 * are: most agreed to marketing texts and to profiling (consent and its log, as the till records
 * them), so the member and outreach pages have people to work with.
 */
export function signUpMembers(
  sqlite: Sqlite,
  customers: DemoCustomers,
  stores: { id: string }[],
  at: number,
  id: (at: number) => string,
) {
  const member = sqlite.prepare(
    `INSERT OR IGNORE INTO members (id, phone, phone_last4, store_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const consent = sqlite.prepare(
    `INSERT INTO member_consents (member_id, purpose, granted, source, text_shown, at)
     VALUES (?, ?, ?, 'till', ?, ?)`,
  );
  const log = sqlite.prepare(
    `INSERT INTO member_consent_log (id, member_id, purpose, granted, source, text_shown, at)
     VALUES (?, ?, ?, ?, 'till', ?, ?)`,
  );
  const texts = DEFAULT_MEMBER_SETTINGS.consentTexts;
  sqlite.transaction(() => {
    for (const [storeIndex, phones] of customers.byStore())
      phones.forEach((phone, i) => {
        if (i % 2 === 1) return;
        const memberId = id(at);
        if (
          member.run(memberId, phone, phone.slice(-4), stores[storeIndex]!.id, at, at).changes === 0
        )
          return;
        const granted = {
          marketingSms: i % 10 !== 8,
          profiling: i % 8 !== 6,
        };
        for (const purpose of ['marketingSms', 'profiling'] as const) {
          consent.run(memberId, purpose, granted[purpose] ? 1 : 0, texts[purpose], at);
          log.run(id(at), memberId, purpose, granted[purpose] ? 1 : 0, texts[purpose], at);
        }
      });
  })();
}
