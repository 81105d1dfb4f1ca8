import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import { displayCode } from '../../src-shared/coupons/codes';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import { isUniqueViolation, type CloudDb, type Queryable } from '../db/open';
import { randomSymbols, sha256 } from '../platform/secrets';
import { merchants, pairingCodes } from './schema';

type MerchantRow = typeof merchants.$inferSelect;
export type Merchant = EndpointOutput<'admin.createMerchant'>;

const PAIRING_CODE_SYMBOLS = 8;

export const toMerchant = ({ id, name, code, createdAt }: MerchantRow): Merchant => ({
  id,
  name,
  code,
  createdAt,
});

/** Tenants and the pairing codes that let their shop PCs in. */
export class MerchantsService {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
  ) {}

  async create(input: { name: string; code: string }): Promise<Merchant> {
    const row: MerchantRow = {
      id: newId(),
      name: input.name,
      code: input.code,
      lastSeq: 0,
      createdAt: this.clock.now(),
    };
    try {
      await this.db.insert(merchants).values(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('DUPLICATE_CODE', { code: input.code });
      throw error;
    }
    return toMerchant(row);
  }

  async list(): Promise<Merchant[]> {
    const rows = await this.db.select().from(merchants).orderBy(asc(merchants.createdAt));
    return rows.map(toMerchant);
  }

  async get(id: string, db: Queryable = this.db): Promise<MerchantRow> {
    const [row] = await db.select().from(merchants).where(eq(merchants.id, id));
    if (!row) throw new AppError('NOT_FOUND', { entity: 'merchant', id });
    return row;
  }

  /** Consumers reach a merchant by its code (in the URL their app opens). */
  async byCode(code: string): Promise<MerchantRow> {
    const [row] = await this.db.select().from(merchants).where(eq(merchants.code, code));
    if (!row) throw new AppError('NOT_FOUND', { entity: 'merchant', code });
    return row;
  }

  async issuePairingCode(
    merchantId: string,
    input: { ttlMinutes: number; label?: string | undefined },
  ): Promise<EndpointOutput<'admin.issuePairingCode'>> {
    await this.get(merchantId);
    // 40 random bits, single use, an hour by default, and pairing is rate-limited per address.
    const code = randomSymbols(PAIRING_CODE_SYMBOLS);
    const now = this.clock.now();
    const expiresAt = now + input.ttlMinutes * 60_000;
    await this.db.insert(pairingCodes).values({
      id: newId(),
      merchantId,
      codeHash: sha256(code),
      label: input.label ?? null,
      createdAt: now,
      expiresAt,
      usedAt: null,
      usedByDeviceId: null,
    });
    return { code, display: displayCode(code), expiresAt };
  }
}
