import type { FastifyInstance } from 'fastify';
import { maskPhone } from '../../src-shared/phone';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { MerchantsService } from '../merchants/service';
import type { ConsumerCashback } from './cashback';
import type { ConsumerHistory } from './history';
import type { OtpService } from './otp';

/** What a consumer's phone calls: no account, a phone number and codes. */
export function registerConsumerRoutes(
  app: FastifyInstance,
  deps: EndpointDeps,
  services: {
    merchants: MerchantsService;
    cashback: ConsumerCashback;
    otp: OtpService;
    history: ConsumerHistory;
  },
) {
  const { merchants, cashback, otp, history } = services;
  registerEndpoint(app, deps, 'consumers.redeemCashback', async ({ params, body }) => {
    const merchant = await merchants.byCode(params.merchantCode);
    // Only the holder of the phone is paid: the code texted to it is used up here.
    await otp.check(merchant.id, body.phone, body.otp);
    return cashback.redeem(merchant.id, body);
  });
  registerEndpoint(app, deps, 'consumers.requestOtp', async ({ params, body }, ctx) => {
    const merchant = await merchants.byCode(params.merchantCode);
    return otp.send(merchant, body.phone, ctx.lang, ctx.ip);
  });
  registerEndpoint(app, deps, 'consumers.history', async ({ params, body }) => {
    const merchant = await merchants.byCode(params.merchantCode);
    await otp.check(merchant.id, body.phone, body.otp);
    return { phone: maskPhone(body.phone), items: await history.of(merchant.id, body.phone) };
  });
}
