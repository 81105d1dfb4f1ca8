import { and, desc, eq, or } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { SigningKey } from '../../src-shared/sync/pairing';
import { START_CURSOR } from '../../src-shared/sync/sync';
import type { CloudDb } from '../db/open';
import type { DeviceActor } from '../http/context';
import { pairingCodes } from '../merchants/schema';
import type { MerchantsService } from '../merchants/service';
import type { SigningKeysStore } from '../merchants/signing-keys';
import { newToken, sha256 } from '../platform/secrets';
import { holdStream } from '../sync/stream';
import { devices } from './schema';

type DeviceRow = typeof devices.$inferSelect;

/** Device tokens start with this, so logs and support can tell them from other secrets. */
export const DEVICE_TOKEN_PREFIX = 'sdc_';
/** lastSeenAt is written at most this often per device. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

const toDevice = (row: DeviceRow): EndpointOutput<'admin.revokeDevice'> => ({
  id: row.id,
  name: row.name,
  storeId: row.storeId,
  pairedAt: row.pairedAt,
  lastSeenAt: row.lastSeenAt,
  revokedAt: row.revokedAt,
});

export interface PairInput {
  pairingCode: string;
  device: { name: string; storeId?: string | undefined; appVersion?: string | undefined };
  signingKeys: SigningKey[];
}

/** Paired shop PCs: pairing, their tokens, and unpairing. */
export class DevicesService {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly merchants: MerchantsService,
    private readonly keys: SigningKeysStore,
  ) {}

  async pair(input: PairInput): Promise<EndpointOutput<'devices.pair'>> {
    const now = this.clock.now();
    const token = newToken(DEVICE_TOKEN_PREFIX);
    const deviceId = newId();
    return this.db.transaction(async (tx) => {
      const [code] = await tx
        .select()
        .from(pairingCodes)
        .where(eq(pairingCodes.codeHash, sha256(input.pairingCode)))
        .for('update');
      if (!code || code.usedAt !== null || code.expiresAt < now)
        throw new AppError('PAIRING_CODE_INVALID');
      // The merchant row lock also orders this with other devices uploading keys.
      const { merchant } = await holdStream(tx, code.merchantId);
      await tx.insert(devices).values({
        id: deviceId,
        merchantId: merchant.id,
        name: input.device.name,
        storeId: input.device.storeId ?? null,
        appVersion: input.device.appVersion ?? null,
        tokenHash: sha256(token),
        previousTokenHash: null,
        tokenIssuedAt: now,
        pairedAt: now,
        lastSeenAt: now,
        revokedAt: null,
      });
      await tx
        .update(pairingCodes)
        .set({ usedAt: now, usedByDeviceId: deviceId })
        .where(eq(pairingCodes.id, code.id));
      await this.keys.merge(tx, merchant.id, input.signingKeys, { deviceId, now });
      return {
        deviceId,
        deviceToken: token,
        merchant: { id: merchant.id, name: merchant.name, code: merchant.code },
        signingKeys: await this.keys.list(tx, merchant.id),
        cursor: START_CURSOR,
      };
    });
  }

  /** The device behind a bearer token; 401 for unknown and revoked tokens. */
  async authenticate(token: string): Promise<DeviceActor> {
    const hash = sha256(token);
    const [row] = await this.db
      .select()
      .from(devices)
      .where(or(eq(devices.tokenHash, hash), eq(devices.previousTokenHash, hash)));
    if (!row || row.revokedAt !== null) throw new AppError('UNAUTHENTICATED');
    const via = row.tokenHash === hash ? 'current' : 'previous';
    const now = this.clock.now();
    const changes: Partial<DeviceRow> = {};
    // The new token is in use: the one before it has done its job.
    if (via === 'current' && row.previousTokenHash !== null) changes.previousTokenHash = null;
    if (row.lastSeenAt === null || now - row.lastSeenAt > LAST_SEEN_RESOLUTION_MS)
      changes.lastSeenAt = now;
    if (Object.keys(changes).length)
      await this.db.update(devices).set(changes).where(eq(devices.id, row.id));
    return {
      deviceId: row.id,
      merchantId: row.merchantId,
      name: row.name,
      storeId: row.storeId,
      via,
    };
  }

  async info(actor: DeviceActor): Promise<EndpointOutput<'devices.me'>> {
    const row = await this.row(actor.merchantId, actor.deviceId);
    const merchant = await this.merchants.get(actor.merchantId);
    return {
      deviceId: row.id,
      name: row.name,
      storeId: row.storeId,
      merchant: { id: merchant.id, name: merchant.name, code: merchant.code },
      pairedAt: row.pairedAt,
      tokenIssuedAt: row.tokenIssuedAt,
    };
  }

  /**
   * A new token. The token the caller holds keeps working until the new one is first used: a
   * desktop that crashes before saving the answer can still get in and rotate again.
   */
  async rotateToken(actor: DeviceActor): Promise<EndpointOutput<'devices.rotateToken'>> {
    const row = await this.row(actor.merchantId, actor.deviceId);
    const token = newToken(DEVICE_TOKEN_PREFIX);
    const now = this.clock.now();
    await this.db
      .update(devices)
      .set({
        tokenHash: sha256(token),
        previousTokenHash: actor.via === 'current' ? row.tokenHash : row.previousTokenHash,
        tokenIssuedAt: now,
      })
      .where(eq(devices.id, row.id));
    return { deviceToken: token, tokenIssuedAt: now };
  }

  async unpair(actor: DeviceActor): Promise<EndpointOutput<'devices.unpair'>> {
    const revoked = await this.revoke(actor.merchantId, actor.deviceId);
    return { revokedAt: revoked.revokedAt! };
  }

  async list(merchantId: string): Promise<EndpointOutput<'admin.listDevices'>['devices']> {
    await this.merchants.get(merchantId);
    const rows = await this.db
      .select()
      .from(devices)
      .where(eq(devices.merchantId, merchantId))
      .orderBy(desc(devices.pairedAt));
    return rows.map(toDevice);
  }

  async revoke(merchantId: string, deviceId: string) {
    const row = await this.row(merchantId, deviceId);
    if (row.revokedAt !== null) return toDevice(row);
    const revokedAt = this.clock.now();
    await this.db.update(devices).set({ revokedAt }).where(eq(devices.id, row.id));
    return toDevice({ ...row, revokedAt });
  }

  async signingKeys(actor: DeviceActor): Promise<EndpointOutput<'devices.signingKeys'>> {
    return { signingKeys: await this.keys.list(this.db, actor.merchantId) };
  }

  /**
   * Keys made at a till after pairing (a rotation there): kept to verify the codes that till
   * signs, and every other till pulls them here. Making one the key of every till is the
   * operator's (`activateSigningKey`): asking for it here is refused, nothing kept.
   */
  async uploadSigningKeys(
    actor: DeviceActor,
    input: { keys: SigningKey[]; activeKid?: string | undefined },
  ): Promise<EndpointOutput<'devices.uploadSigningKeys'>> {
    return this.db.transaction(async (tx) => {
      await holdStream(tx, actor.merchantId);
      const active = await this.keys.active(tx, actor.merchantId);
      if (input.activeKid !== undefined && input.activeKid !== active?.kid)
        throw new AppError('SIGNING_KEY_NEEDS_ADMIN', { kid: input.activeKid });
      await this.keys.merge(tx, actor.merchantId, input.keys, {
        deviceId: actor.deviceId,
        now: this.clock.now(),
      });
      return { signingKeys: await this.keys.list(tx, actor.merchantId) };
    });
  }

  /** The operator makes a held key the one every till of the merchant signs with. */
  async activateSigningKey(
    merchantId: string,
    kid: string,
  ): Promise<EndpointOutput<'admin.activateSigningKey'>> {
    await this.merchants.get(merchantId);
    return this.db.transaction(async (tx) => {
      await holdStream(tx, merchantId);
      const held = await this.keys.list(tx, merchantId);
      if (!held.some((k) => k.kid === kid))
        throw new AppError('NOT_FOUND', { entity: 'signingKey', id: kid });
      await this.keys.merge(tx, merchantId, [], {
        deviceId: 'operator',
        now: this.clock.now(),
        activeKid: kid,
      });
      return { signingKeys: await this.keys.list(tx, merchantId) };
    });
  }

  /** Names for conflict details: the devices of one merchant, by id. */
  async names(merchantId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .select({ id: devices.id, name: devices.name })
      .from(devices)
      .where(eq(devices.merchantId, merchantId));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async row(merchantId: string, deviceId: string): Promise<DeviceRow> {
    const [row] = await this.db
      .select()
      .from(devices)
      .where(and(eq(devices.id, deviceId), eq(devices.merchantId, merchantId)));
    if (!row) throw new AppError('NOT_FOUND', { entity: 'device', id: deviceId });
    return row;
  }
}
