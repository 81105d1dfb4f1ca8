// Asking nearby holders (issue 24): ranking the holders of a merchant's shareable coupons who
// consented to location, the same 商圈 first then the nearest, among 50k active holders, beside
// the bare distance query over their places (no consent, coupon or status filter). PGlite, or
// PostgreSQL with DATABASE_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openCloudDatabase } from '../src-cloud/db/open';
import { rankHolders } from '../src-cloud/shares/asks';
import { metresFrom } from '../src-cloud/wallet/places';
import { compare, time, type Metric } from './harness';

const HOLDERS = Number(process.env.BENCH_ASK_HOLDERS ?? 50_000);
const ASKS = 100;
/** Shanghai, about 20 × 20 km around 人民广场 (GCJ-02). */
const CENTRE = { lat: 31.2304, lng: 121.4737 };

export async function sharesBench(): Promise<Metric[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-shares-'));
  const database = await openCloudDatabase({ dataDir, databaseUrl: process.env.DATABASE_URL });
  const db = database.db;
  try {
    const merchantId = `bench-ask-${Date.now()}`;
    const now = Date.now();
    await db.execute(sql`insert into merchants (id, name, code, last_seq, created_at)
      values (${merchantId}, '基准商户', ${merchantId.slice(-12).toUpperCase()}, 0, ${now})`);
    await db.execute(sql`insert into wallet_templates (merchant_id, template_id, name, status,
      version, rules, validity, store_ids, code_format, share, updated_at)
      values (${merchantId}, 't1', '满100减20', 'active', 1, '{}'::jsonb,
        '{"kind":"relative","days":30}'::jsonb, '[]'::jsonb, 'numeric',
        '{"mode":"transfer","maxShares":null,"totalIssueLimit":null,"issuedCount":0}'::jsonb, ${now})`);
    // 50k holders: a coupon each, a coarse place within ~10 km, four in five consented; one
    // 商圈 in four districts.
    await db.execute(sql`insert into wallet_claims (merchant_id, id, issuance_id, phone, n, code,
        token, template_id, template_version, store_id, valid_from, valid_until, timezone,
        claimed_at, event_id)
      select ${merchantId}, 'c' || i, 'i1', '+86139' || lpad(i::text, 8, '0'), 1,
        lpad(i::text, 16, '0'), 'SD1.x', 't1', 1, null, ${now}::bigint,
        ${now + 30 * 86_400_000}::bigint, 'Asia/Shanghai', ${now}::bigint, 'e' || i
      from generate_series(1, ${HOLDERS}) as i`);
    await db.execute(sql`insert into consumer_places (merchant_id, phone, lat, lng, system,
        business_district, at)
      select ${merchantId}, '+86139' || lpad(i::text, 8, '0'),
        round((${CENTRE.lat}::float8 + ((i::bigint * 7919) % 2000 - 1000) / 10000.0)::numeric, 3),
        round((${CENTRE.lng}::float8 + ((i::bigint * 104729) % 2000 - 1000) / 10000.0)::numeric, 3),
        'gcj02', (array['人民广场','陆家嘴','徐家汇','静安寺'])[1 + i % 4], ${now}::bigint
      from generate_series(1, ${HOLDERS}) as i`);
    await db.execute(sql`insert into consumer_consents (id, merchant_id, phone, purpose, granted,
        source, text_shown, at)
      select ${merchantId} || ':cc' || i, ${merchantId}, '+86139' || lpad(i::text, 8, '0'), 'location',
        i % 5 <> 0, 'wallet', '使用我的位置', ${now}::bigint
      from generate_series(1, ${HOLDERS}) as i`);
    await db.execute(sql`analyze`);

    const askAt = (i: number) => ({
      storeId: 's1',
      lat: CENTRE.lat + (((i * 37) % 200) - 100) / 10000,
      lng: CENTRE.lng + (((i * 53) % 200) - 100) / 10000,
      businessDistrict: '人民广场',
    });
    const ranking = await time(
      (i) =>
        rankHolders(db, merchantId, askAt(i), { exceptPhone: '+8613800000000', now, limit: 5 }),
      { iterations: ASKS },
    );
    const bare = await time(
      (i) =>
        db.execute(sql`select phone, ${metresFrom(askAt(i), sql`lat`, sql`lng`)} as distance
          from consumer_places where merchant_id = ${merchantId} order by distance limit 5`),
      { iterations: ASKS },
    );
    const found = await rankHolders(db, merchantId, askAt(0), {
      exceptPhone: '+8613800000000',
      now,
      limit: 5,
    });
    if (found.length !== 5) throw new Error(`ranking found ${found.length} holders, not 5`);
    return [
      compare(
        `ranking nearby holders among ${HOLDERS} (${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'})`,
        ranking,
        'bare distance query over their places',
        bare,
        { field: 'p95Ms', target: '<= 300 ms p95', met: ranking.p95Ms <= 300 },
      ),
    ];
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
