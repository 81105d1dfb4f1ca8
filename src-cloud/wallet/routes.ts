import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../src-node/clock';
import { maskPhone } from '../../src-shared/phone';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { OtpService } from '../consumers/otp';
import type { CloudDb } from '../db/open';
import type { ConsumerActor } from '../http/context';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { MerchantsService } from '../merchants/service';
import type { WalletClaims, ClaimRow } from './claims';
import type { ConsumerConsents } from './consents';
import type { TemplateRow } from './availability';
import { merchantStores, toWalletCoupon, walletCoupons } from './coupons';
import { memberCard } from './member-card';
import { recordPlace } from './places';
import type { WalletOffers } from './offers';
import { clearWalletCookie, setWalletCookie } from './session-cookie';
import { SESSION_TTL_MS, type ConsumerSessions } from './sessions';
import { storeDefaultTemplate, storePosterIssuance } from './store-posters';

export interface WalletServices {
  db: CloudDb;
  clock: Clock;
  merchants: MerchantsService;
  otp: OtpService;
  sessions: ConsumerSessions;
  consents: ConsumerConsents;
  offers: WalletOffers;
  claims: WalletClaims;
}

/** The consumer's wallet: sign-in, consents, offers, claims and the coupons held. */
export function registerWalletRoutes(app: FastifyInstance, deps: EndpointDeps, s: WalletServices) {
  async function me(actor: ConsumerActor): Promise<EndpointOutput<'consumers.me'>> {
    const merchant = await s.merchants.get(actor.merchantId);
    return {
      phone: maskPhone(actor.phone),
      merchantName: merchant.name,
      expiresAt: actor.expiresAt,
      consents: await s.consents.latest(actor.merchantId, actor.phone),
      member: await memberCard(s.db, actor.merchantId, actor.phone, s.clock.now()),
    };
  }

  async function answerClaim(
    actor: ConsumerActor,
    result: { claim: ClaimRow; already: boolean; template: TemplateRow },
  ): Promise<EndpointOutput<'consumers.claimIssuance'>> {
    const now = s.clock.now();
    // A coupon held before may have been used since: read as the wallet reads it.
    const [coupon] = result.already
      ? await walletCoupons(s.db, actor.merchantId, actor.phone, {
          now,
          claimIds: [result.claim.id],
        })
      : [
          toWalletCoupon(
            result.claim,
            result.template,
            null,
            await merchantStores(s.db, actor.merchantId),
            now,
          ),
        ];
    return { coupon: coupon!, already: result.already };
  }

  registerEndpoint(app, deps, 'consumers.session', async ({ params, body }, ctx) => {
    const merchant = await s.merchants.byCode(params.merchantCode);
    await s.otp.check(merchant.id, body.phone, body.otp);
    const { token, actor } = await s.sessions.open(merchant.id, body.phone);
    setWalletCookie(ctx.reply, merchant.code, token, SESSION_TTL_MS);
    return me(actor);
  });
  registerEndpoint(app, deps, 'consumers.me', async (_input, ctx) => me(ctx.consumer));
  registerEndpoint(app, deps, 'consumers.signOut', async ({ params }, ctx) => {
    const ended = await s.sessions.end(ctx.consumer.sessionId);
    clearWalletCookie(ctx.reply, params.merchantCode);
    return { ended };
  });
  registerEndpoint(app, deps, 'consumers.setConsents', async ({ body }, ctx) => {
    const { merchantId, phone } = ctx.consumer;
    await s.consents.record(merchantId, phone, body, body.textShown);
    return me(ctx.consumer);
  });
  registerEndpoint(app, deps, 'consumers.issuanceOffer', async ({ params }) =>
    s.offers.ofIssuance(await s.merchants.byCode(params.merchantCode), params.issuanceId),
  );
  registerEndpoint(app, deps, 'consumers.storeOffer', async ({ params }) =>
    s.offers.ofStore(await s.merchants.byCode(params.merchantCode), params.storeId),
  );
  registerEndpoint(app, deps, 'consumers.claimIssuance', async ({ params }, ctx) =>
    answerClaim(ctx.consumer, await s.claims.claim(ctx.consumer, params.issuanceId)),
  );
  registerEndpoint(app, deps, 'consumers.claimStore', async ({ params }, ctx) => {
    const { merchantId } = ctx.consumer;
    const template = await storeDefaultTemplate(s.db, merchantId, params.storeId);
    const poster = await storePosterIssuance(
      s.db,
      merchantId,
      params.storeId,
      template,
      s.clock.now(),
    );
    return answerClaim(ctx.consumer, await s.claims.claim(ctx.consumer, poster.id, 'store'));
  });
  registerEndpoint(app, deps, 'consumers.wallet', async ({ query }, ctx) => {
    const { merchantId, phone } = ctx.consumer;
    const position =
      query.lat !== undefined && query.lng !== undefined
        ? { lat: query.lat, lng: query.lng }
        : null;
    const now = s.clock.now();
    // A phone that shares its location is findable by askers nearby, coarsely (shares/asks.ts).
    if (position && (await s.consents.latest(merchantId, phone)).location)
      await recordPlace(s.db, s.clock, merchantId, phone, position);
    return {
      coupons: await walletCoupons(s.db, merchantId, phone, { now, phoneWgs84: position }),
      member: await memberCard(s.db, merchantId, phone, now),
    };
  });
}
