import http from 'node:http';
import { v7 } from 'uuid';
import { ConsumerSessions } from '../../src-cloud/wallet/sessions';
import { normalizeMainlandMobile } from '../../src-shared/phone';
import type { SigningKey } from '../../src-shared/sync/pairing';
import { event, newSigningKey, type TestCloud } from './cloud';

// A merchant as its desktop describes it to the cloud for the wallet: a store, a template and
// an issuance QR, pushed as the desktop's outbox events are.

export const THRESHOLD_RULE = {
  type: 'threshold',
  thresholdFen: 10000,
  amountFen: 2000,
  repeat: false,
  capFen: null,
} as const;

/** The desktop's coupon_templates row (src-main/core/coupons/schema.ts) and its versions. */
export function templateChanged(fields: Record<string, unknown> = {}, at = Date.now()) {
  const id = (fields.id as string | undefined) ?? v7();
  const template = {
    id,
    name: '满100减20',
    description: '',
    type: 'threshold',
    status: 'active',
    version: 1,
    validityKind: 'relative',
    validStartDate: null,
    validEndDate: null,
    validDays: 7,
    storeIds: [],
    perCustomerLimit: null,
    totalIssueLimit: null,
    budgetCount: null,
    budgetFen: null,
    shareMode: 'none',
    maxShares: null,
    issueOnSpendFen: null,
    codeFormat: 'numeric',
    issuedCount: 0,
    redeemedCount: 0,
    redeemedFen: 0,
    createdBy: null,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
  const versions = [
    {
      templateId: id,
      version: template.version,
      rule: (fields.rule as object | undefined) ?? THRESHOLD_RULE,
      scope: { productIds: [], categories: [] },
      stackable: false,
      createdAt: at,
    },
  ];
  return { template, event: event('templates.changed', { template, versions }, id) };
}

export function issuanceChanged(fields: Record<string, unknown>) {
  const issuance = {
    id: v7(),
    title: '开业领券',
    count: 100,
    perPerson: 1,
    startsAt: null,
    endsAt: null,
    storeId: null,
    status: 'active',
    updatedAt: Date.now(),
    ...fields,
  };
  return { issuance, event: event('claims.issuanceChanged', issuance, issuance.id) };
}

export function storeChanged(fields: Record<string, unknown> = {}) {
  const store = {
    id: v7(),
    name: '人民广场店',
    code: 'S01',
    provinceCode: '310000',
    cityCode: '310100',
    districtCode: '310101',
    // GCJ-02, as Chinese maps give it.
    lat: 31.2304,
    lng: 121.4737,
    timezone: 'Asia/Shanghai',
    active: true,
    updatedAt: Date.now(),
    ...fields,
  };
  return { store, event: event('stores.changed', store, store.id) };
}

/** A merchant with a paired till holding its signing key, a store and an active template. */
export async function walletShop(
  cloud: TestCloud,
  options: { template?: Record<string, unknown> } = {},
) {
  const merchant = await cloud.newMerchant('好邻居便利');
  const key: SigningKey = newSigningKey('k1');
  const till = await cloud.pair(merchant.id, '一号店', [key]);
  const store = storeChanged();
  const template = templateChanged(options.template);
  await pushAccepted(cloud, till.token, [store.event, template.event]);
  return { merchant, key, till, store: store.store, template: template.template };
}

export async function pushAccepted(
  cloud: TestCloud,
  token: string,
  events: ReturnType<typeof event>[],
) {
  const pushed = await cloud.push(token, events);
  if (pushed.status !== 200) throw new Error(JSON.stringify(pushed.body));
  for (const r of pushed.body.data.results)
    if (r.status !== 'accepted') throw new Error(`push not accepted: ${JSON.stringify(r)}`);
}

/** A signed-in phone made straight through the service (fast: no text per phone). */
export async function directSession(cloud: TestCloud, merchantId: string, phone: string) {
  const db = cloud.database.db;
  const sessions = new ConsumerSessions(db, cloud.clock);
  const { token } = await sessions.open(merchantId, normalizeMainlandMobile(phone)!);
  return token;
}

/** The wallet cookie a Set-Cookie header sets, as a Cookie header. */
export function walletCookie(setCookie: string | null): string {
  const match = /sd_wallet=([^;]+)/.exec(setCookie ?? '');
  if (!match) throw new Error(`no wallet cookie in ${setCookie}`);
  return `sd_wallet=${match[1]}`;
}

/**
 * Many POSTs at once, all in flight together, over at most `sockets` connections (a thousand
 * fresh connections overflow the listen backlog of a busy test server: resets, not answers).
 */
export async function postAll(
  base: string,
  path: string,
  tokens: string[],
  sockets = 100,
): Promise<{ status: number; body: any }[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const url = new URL(path, base);
  try {
    return await Promise.all(
      tokens.map(
        (token) =>
          new Promise<{ status: number; body: any }>((resolve, reject) => {
            const req = http.request(
              url,
              { method: 'POST', agent, headers: { authorization: `Bearer ${token}` } },
              (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () =>
                  resolve({
                    status: res.statusCode ?? 0,
                    body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
                  }),
                );
                res.on('error', reject);
              },
            );
            req.on('error', reject);
            req.end();
          }),
      ),
    );
  } finally {
    agent.destroy();
  }
}
