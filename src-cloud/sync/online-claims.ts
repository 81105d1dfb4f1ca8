import { and, eq } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import type { EndpointBody, EndpointOutput } from '../../src-shared/sync/endpoints';
import type { CloudDb } from '../db/open';
import type { DevicesService } from '../devices/service';
import type { DeviceActor } from '../http/context';
import { chainStores } from '../projections/schema';
import { StoreOwnerBook } from '../devices/store-owners';
import { CouponClaimBook } from './coupon-claims';
import type { EventScope } from './outcome';
import { holdStream } from './stream';

/**
 * `POST /v1/sync/claims`: a paired till asks before it redeems. The same claim book as the push
 * decides (first claim wins, under the merchant's lock), so an online claim and a later push of
 * the same redemption are one claim, and a claim pushed by an offline till later still loses to it.
 */
export class OnlineClaims {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly devices: DevicesService,
  ) {}

  async handle(
    device: DeviceActor,
    body: EndpointBody<'sync.claims'>,
  ): Promise<EndpointOutput<'sync.claims'>> {
    const answer = await this.decide(device, body);
    if (answer.status !== 'refused') return answer;
    // The winner's device by name, read after the decision (on PGlite a read outside the
    // transaction would wait for it): one query less on the way to a yes.
    const names = await this.devices.names(device.merchantId);
    const id = answer.winner.deviceName;
    return {
      ...answer,
      winner: { ...answer.winner, deviceName: id ? (names.get(id) ?? null) : null },
    };
  }

  /** The claim decided; a refusal's `deviceName` holds the winner's device id until named. */
  private async decide(
    device: DeviceActor,
    body: EndpointBody<'sync.claims'>,
  ): Promise<EndpointOutput<'sync.claims'>> {
    return this.db.transaction(async (tx) => {
      await holdStream(tx, device.merchantId);
      const redemptionId = body.action === 'claim' ? body.redemption.id : body.redemptionId;
      const book = await CouponClaimBook.open(tx, device.merchantId, {
        codes: body.action === 'claim' ? [body.redemption.code] : [],
        redemptionIds: [redemptionId],
      });
      const scope: EventScope = {
        tx,
        merchantId: device.merchantId,
        deviceId: device.deviceId,
        // No event yet: the claim is known by its redemption's id until the push brings it.
        eventId: redemptionId,
        receivedAt: this.clock.now(),
        deviceName: () => null,
      };
      // A device claims and releases only at its own stores, as in a push.
      const storeId =
        body.action === 'claim' ? body.redemption.storeId : book.storeOf(redemptionId);
      const owners = await StoreOwnerBook.open(tx, device.merchantId, storeId ? [storeId] : []);
      const forbidden = storeId ? owners.speakFor(scope, storeId) : null;
      if (forbidden) throw new AppError('DEVICE_STORE_FORBIDDEN', { storeId });
      await owners.flush();
      if (body.action === 'release') {
        book.void({ redemptionId, voidedAt: body.at, voidedBy: null, reason: 'released' });
        await book.flush();
        return { status: 'released' as const };
      }
      const outcome = book.claim(scope, body.redemption);
      await book.flush();
      if (outcome.status !== 'conflict') return { status: 'accepted' as const };
      const { winner } = outcome.conflict;
      const [store] = winner.storeId
        ? await tx
            .select({ name: chainStores.name })
            .from(chainStores)
            .where(
              and(
                eq(chainStores.merchantId, device.merchantId),
                eq(chainStores.storeId, winner.storeId),
              ),
            )
        : [];
      return {
        status: 'refused' as const,
        winner: {
          redemptionId: winner.redemptionId,
          storeId: winner.storeId,
          storeName: store?.name || null,
          deviceName: winner.deviceId,
          claimedAt: winner.claimedAt,
        },
      };
    });
  }
}
