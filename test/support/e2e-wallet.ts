import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** What the set-up needs of a cloud: its address and the operator's calls (e2e-cloud has them). */
export interface CloudForWallet {
  url: string;
  admin(method: 'GET' | 'POST', url: string, body?: unknown): Promise<Record<string, any>>;
  pairingCode(merchantId: string): Promise<string>;
}

/** An iPhone-sized phone in Nanjing (near the test stores), in Chinese, location shared. */
export const PHONE_IN_NANJING = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  geolocation: { latitude: 32.04, longitude: 118.78 },
  permissions: ['geolocation'],
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** The shop's day as the desktop stores fixed validity dates (YYYY-MM-DD in Asia/Shanghai). */
const shanghaiDate = (ms: number) => new Date(ms + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

export interface WalletMerchant {
  merchantId: string;
  merchantCode: string;
  merchantName: string;
  store: { id: string; name: string; lat: number; lng: number };
  template: { id: string; name: string };
  issuanceId: string;
  /** The paired till's token, to push what it does. */
  deviceToken: string;
  /** Pushes events as the paired till; fails unless each is accepted. */
  push(
    events: { kind: string; entityId: string; payload: Record<string, unknown> }[],
  ): Promise<void>;
  /** A till redeems this code (its `redemption.completed` reaches the cloud). */
  redeem(code: string): Promise<void>;
}

/**
 * A merchant on the cloud with what the phone needs: a paired till (with its signing key) that
 * pushed its store, a 满100减20 template and an issuance QR (`claims.issuanceChanged`), all
 * through the real sync push endpoint, shaped as the event catalogue and the desktop's rows are.
 * The whole journey with the real desktop is in issuance-qr.spec.ts.
 */
export async function walletMerchant(
  cloud: CloudForWallet,
  options: {
    code?: string;
    name?: string;
    count?: number;
    perPerson?: number;
    /** The template's last valid day, this many days from today (default 30). */
    validForDays?: number;
    /** Whether its coupons may be shared (转赠 or 分享, `maxShares` each). */
    share?: { mode: 'transfer' | 'copy'; maxShares: number | null };
  } = {},
): Promise<WalletMerchant> {
  const merchantName = options.name ?? '鲜果优选';
  const merchantCode = options.code ?? `W${randomBytes(4).toString('hex').toUpperCase()}`;
  const merchant = await cloud.admin('POST', '/v1/admin/merchants', {
    name: merchantName,
    code: merchantCode,
  });
  const paired = await fetch(`${cloud.url}/v1/devices/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      pairingCode: await cloud.pairingCode(merchant.id),
      device: { name: '新街口店 1 号收银机' },
      signingKeys: [
        {
          kid: `k-${randomBytes(3).toString('hex')}`,
          secret: randomBytes(32).toString('base64'),
          createdAt: Date.now() - DAY_MS,
          retiredAt: null,
        },
      ],
    }),
  });
  const pairing = (await paired.json()) as { ok: boolean; data: { deviceToken: string } };
  if (!pairing.ok) throw new Error(`pairing failed: ${JSON.stringify(pairing)}`);
  const deviceToken = pairing.data.deviceToken;

  async function push(
    events: { kind: string; entityId: string; payload: Record<string, unknown> }[],
  ) {
    const response = await fetch(`${cloud.url}/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
      body: JSON.stringify({
        events: events.map((event) => ({ id: uuidv7(), occurredAt: Date.now(), ...event })),
      }),
    });
    const answer = (await response.json()) as {
      ok: boolean;
      data?: { results: { status: string }[] };
    };
    if (!answer.ok || answer.data!.results.some((result) => result.status !== 'accepted'))
      throw new Error(`push refused: ${JSON.stringify(answer)}`);
  }

  const now = Date.now();
  const store = { id: uuidv7(), name: '鲜果优选 新街口店', lat: 32.0415, lng: 118.7845 };
  const templateId = uuidv7();
  const templateName = '新客满100减20';
  const rule = {
    type: 'threshold',
    thresholdFen: 10000,
    amountFen: 2000,
    repeat: false,
    capFen: null,
  };
  const issuanceId = uuidv7();
  await push([
    {
      kind: 'stores.changed',
      entityId: store.id,
      payload: {
        id: store.id,
        code: 'S01',
        name: store.name,
        provinceCode: '320000',
        cityCode: '320100',
        districtCode: '320102',
        address: '中山路 18 号',
        lat: store.lat,
        lng: store.lng,
        timezone: 'Asia/Shanghai',
        active: true,
        updatedAt: now,
      },
    },
    {
      // The desktop's template row and its money-rule versions (TemplatesService.announce).
      kind: 'templates.changed',
      entityId: templateId,
      payload: {
        template: {
          id: templateId,
          name: templateName,
          description: '',
          type: 'threshold',
          status: 'active',
          version: 1,
          validityKind: 'fixed',
          validStartDate: shanghaiDate(now - DAY_MS),
          validEndDate: shanghaiDate(now + (options.validForDays ?? 30) * DAY_MS),
          validDays: null,
          storeIds: [],
          perCustomerLimit: null,
          totalIssueLimit: null,
          budgetCount: null,
          budgetFen: null,
          shareMode: options.share?.mode ?? 'none',
          maxShares: options.share?.maxShares ?? null,
          issueOnSpendFen: null,
          codeFormat: 'numeric',
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        },
        versions: [
          {
            templateId,
            version: 1,
            rule,
            scope: { productIds: [], categories: [] },
            stackable: false,
            createdAt: now,
          },
        ],
      },
    },
    {
      kind: 'claims.issuanceChanged',
      entityId: issuanceId,
      payload: {
        id: issuanceId,
        templateId,
        title: '开业大酬宾 扫码领券',
        count: options.count ?? 100,
        perPerson: options.perPerson ?? 1,
        startsAt: now - DAY_MS,
        endsAt: now + 7 * DAY_MS,
        storeId: null,
        status: 'active',
        updatedAt: now,
      },
    },
  ]);

  async function redeem(code: string) {
    const id = uuidv7();
    await push([
      {
        kind: 'redemption.completed',
        entityId: id,
        payload: {
          id,
          code,
          templateId,
          storeId: store.id,
          terminalId: uuidv7(),
          staffId: uuidv7(),
          customerPhone: null,
          subtotalFen: 12000,
          discountFen: 2000,
          createdAt: Date.now(),
          lines: [],
        },
      },
    ]);
  }

  return {
    merchantId: merchant.id,
    merchantCode,
    merchantName,
    store,
    template: { id: templateId, name: templateName },
    issuanceId,
    deviceToken,
    push,
    redeem,
  };
}
