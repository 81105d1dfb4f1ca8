import { z } from 'zod';
import {
  createMerchantRequestSchema,
  deviceListSchema,
  deviceParamsSchema,
  deviceSchema,
  issuePairingCodeRequestSchema,
  merchantListSchema,
  merchantParamsSchema,
  merchantSchema,
  pairingCodeResponseSchema,
  signingKeyParamsSchema,
} from './admin';
import {
  cashbackRedeemRequestSchema,
  cashbackRedeemResponseSchema,
  consumerParamsSchema,
  historyRequestSchema,
  historyResponseSchema,
  otpRequestSchema,
  otpResponseSchema,
} from './consumer';
import {
  deviceInfoSchema,
  pairRequestSchema,
  pairResponseSchema,
  rotateTokenResponseSchema,
  signingKeysResponseSchema,
  unpairResponseSchema,
  uploadKeysRequestSchema,
} from './pairing';
import {
  claimOfferSchema,
  claimResponseSchema,
  consumerMeSchema,
  issuanceParamsSchema,
  sessionRequestSchema,
  setConsentsRequestSchema,
  storeParamsSchema,
  walletQuerySchema,
  walletResponseSchema,
} from './wallet';
import { promotionsQuerySchema, promotionsResponseSchema } from './promotions';
import {
  askParamsSchema,
  askSchema,
  createAskBodySchema,
  declineAskBodySchema,
  incomingAskSchema,
  acceptShareResponseSchema,
  couponParamsSchema,
  createShareBodySchema,
  recallShareResponseSchema,
  shareLinkSchema,
  shareOfferSchema,
  shareParamsSchema,
} from './shares';
import { onlineClaimRequestSchema, onlineClaimResponseSchema } from './claims';
import {
  chainDailyQuerySchema,
  chainDailyResponseSchema,
  chainStockQuerySchema,
  chainStockResponseSchema,
} from './chain';
import {
  acceptTaskBodySchema,
  checkinResponseSchema,
  confirmPaymentParamsSchema,
  consumerOrderParamsSchema,
  consumerOrderSchema,
  consumerTaskParamsSchema,
  fundTaskBodySchema,
  fundTaskResponseSchema,
  nearbyTasksQuerySchema,
  nearbyTasksResponseSchema,
  positionBodySchema,
  siteCheckinBodySchema,
  siteCodeQuerySchema,
  siteCodeSchema,
  taskDefinitionSchema,
  taskListSchema,
  taskOrdersQuerySchema,
  taskOrdersResponseSchema,
  taskParamsSchema,
  taskPaymentSchema,
  taskSchema,
  verifyTaskBodySchema,
  verifyTaskResponseSchema,
} from './tasks';
import {
  smsCallbackResponseSchema,
  smsCampaignBodySchema,
  smsCampaignParamsSchema,
  smsCampaignStatusSchema,
  smsReceiptsBodySchema,
  smsRecipientsBodySchema,
  smsRecipientsResponseSchema,
  smsRepliesBodySchema,
} from './outreach';
import { pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from './sync';

/**
 * Who may call an endpoint:
 * - admin: the operator's admin token (`Authorization: Bearer <admin token>`);
 * - device: a paired device's token;
 * - public: anyone (pairing with a code, consumers); rate-limited by address;
 * - consumer: a phone signed in to the merchant's wallet (session cookie of `consumers.session`);
 * - provider: the SMS provider reporting receipts and replies (its callback token).
 */
export type EndpointAuth = 'admin' | 'device' | 'public' | 'consumer' | 'provider';

export interface EndpointDef {
  method: 'GET' | 'POST';
  /** Fastify style: `:name` for a path parameter. */
  path: string;
  auth: EndpointAuth;
  tag: 'admin' | 'devices' | 'sync' | 'consumers' | 'tasks' | 'outreach';
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The `data` of a `{ ok: true, data }` answer. */
  response: z.ZodType;
}

const endpoint = <E extends EndpointDef>(def: E) => def;

/** The cloud API: the server registers these, the desktop calls them, /docs describes them. */
export const cloudEndpoints = {
  'admin.createMerchant': endpoint({
    method: 'POST',
    path: '/v1/admin/merchants',
    auth: 'admin',
    tag: 'admin',
    summary: 'Create a merchant (tenant)',
    body: createMerchantRequestSchema,
    response: merchantSchema,
  }),
  'admin.listMerchants': endpoint({
    method: 'GET',
    path: '/v1/admin/merchants',
    auth: 'admin',
    tag: 'admin',
    summary: 'List merchants',
    response: merchantListSchema,
  }),
  'admin.issuePairingCode': endpoint({
    method: 'POST',
    path: '/v1/admin/merchants/:merchantId/pairing-codes',
    auth: 'admin',
    tag: 'admin',
    summary: "Issue a single-use pairing code for one of the merchant's shop PCs",
    params: merchantParamsSchema,
    body: issuePairingCodeRequestSchema,
    response: pairingCodeResponseSchema,
  }),
  'admin.listDevices': endpoint({
    method: 'GET',
    path: '/v1/admin/merchants/:merchantId/devices',
    auth: 'admin',
    tag: 'admin',
    summary: "The merchant's paired devices, revoked ones included",
    params: merchantParamsSchema,
    response: deviceListSchema,
  }),
  'admin.revokeDevice': endpoint({
    method: 'POST',
    path: '/v1/admin/merchants/:merchantId/devices/:deviceId/revoke',
    auth: 'admin',
    tag: 'admin',
    summary: 'Unpair a device: its token answers 401 from now on',
    params: deviceParamsSchema,
    response: deviceSchema,
  }),
  'admin.activateSigningKey': endpoint({
    method: 'POST',
    path: '/v1/admin/merchants/:merchantId/signing-keys/:kid/activate',
    auth: 'admin',
    tag: 'admin',
    summary: 'Make a held signing key the one every till of the merchant signs with',
    params: signingKeyParamsSchema,
    response: signingKeysResponseSchema,
  }),
  'devices.pair': endpoint({
    method: 'POST',
    path: '/v1/devices/pair',
    auth: 'public',
    tag: 'devices',
    summary: "Pair a shop PC with a pairing code: device token and the merchant's signing keys",
    body: pairRequestSchema,
    response: pairResponseSchema,
  }),
  'devices.me': endpoint({
    method: 'GET',
    path: '/v1/device',
    auth: 'device',
    tag: 'devices',
    summary: 'This device and its merchant (checks the token)',
    response: deviceInfoSchema,
  }),
  'devices.rotateToken': endpoint({
    method: 'POST',
    path: '/v1/device/token',
    auth: 'device',
    tag: 'devices',
    summary: 'A new device token; the current one works until the new one is first used',
    response: rotateTokenResponseSchema,
  }),
  'devices.unpair': endpoint({
    method: 'POST',
    path: '/v1/device/unpair',
    auth: 'device',
    tag: 'devices',
    summary: 'Unpair this device (its token stops working)',
    response: unpairResponseSchema,
  }),
  'devices.signingKeys': endpoint({
    method: 'GET',
    path: '/v1/device/signing-keys',
    auth: 'device',
    tag: 'devices',
    summary: "The merchant's coupon signing keys",
    response: signingKeysResponseSchema,
  }),
  'devices.uploadSigningKeys': endpoint({
    method: 'POST',
    path: '/v1/device/signing-keys',
    auth: 'device',
    tag: 'devices',
    summary:
      "Add keys made at this till (after a rotation), to verify its codes; making one active is the operator's",
    body: uploadKeysRequestSchema,
    response: signingKeysResponseSchema,
  }),
  'sync.push': endpoint({
    method: 'POST',
    path: '/v1/sync/push',
    auth: 'device',
    tag: 'sync',
    summary: 'Push outbox events; idempotent per event id; one result per event',
    body: pushRequestSchema,
    response: pushResponseSchema,
  }),
  'sync.pull': endpoint({
    method: 'GET',
    path: '/v1/sync/pull',
    auth: 'device',
    tag: 'sync',
    summary: "The merchant's events after a cursor, oldest first, paginated",
    query: pullQuerySchema,
    response: pullResponseSchema,
  }),
  'sync.claims': endpoint({
    method: 'POST',
    path: '/v1/sync/claims',
    auth: 'device',
    tag: 'sync',
    summary:
      'Claim a single-use code before redeeming it (the cloud decides at once), or release a claim',
    body: onlineClaimRequestSchema,
    response: onlineClaimResponseSchema,
  }),
  'sync.chainStock': endpoint({
    method: 'GET',
    path: '/v1/sync/chain-stock',
    auth: 'device',
    tag: 'sync',
    summary: "Every store's stock levels changed after a cursor, and the merchant's stores",
    query: chainStockQuerySchema,
    response: chainStockResponseSchema,
  }),
  'sync.chainDaily': endpoint({
    method: 'GET',
    path: '/v1/sync/chain-daily',
    auth: 'device',
    tag: 'sync',
    summary: "Every store's takings per business day since a day (the cloud's projection)",
    query: chainDailyQuerySchema,
    response: chainDailyResponseSchema,
  }),
  'consumers.redeemCashback': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/cashback/redeem',
    auth: 'public',
    tag: 'consumers',
    summary: 'A consumer redeems a cashback code with a phone number (first one wins)',
    params: consumerParamsSchema,
    body: cashbackRedeemRequestSchema,
    response: cashbackRedeemResponseSchema,
  }),
  'consumers.requestOtp': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/otp',
    auth: 'public',
    tag: 'consumers',
    summary: 'Text a one-time code to a phone, to read its history',
    params: consumerParamsSchema,
    body: otpRequestSchema,
    response: otpResponseSchema,
  }),
  'consumers.history': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/history',
    auth: 'public',
    tag: 'consumers',
    summary: "A phone's own coupon and cashback redemptions, with its one-time code",
    params: consumerParamsSchema,
    body: historyRequestSchema,
    response: historyResponseSchema,
  }),
  'consumers.session': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/session',
    auth: 'public',
    tag: 'consumers',
    summary:
      'Sign a phone in with its one-time code: sets the wallet session cookie (HttpOnly, SameSite=Lax, this merchant only)',
    params: consumerParamsSchema,
    body: sessionRequestSchema,
    response: consumerMeSchema,
  }),
  'consumers.me': endpoint({
    method: 'GET',
    path: '/v1/consumers/:merchantCode/me',
    auth: 'consumer',
    tag: 'consumers',
    summary: 'Who is signed in: masked phone, consents, member card',
    params: consumerParamsSchema,
    response: consumerMeSchema,
  }),
  'consumers.signOut': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/session/end',
    auth: 'consumer',
    tag: 'consumers',
    summary: 'End this phone’s wallet session',
    params: consumerParamsSchema,
    response: z.object({ ended: z.boolean() }),
  }),
  'consumers.setConsents': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/consents',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      'Record the consumer’s answer per purpose (marketing SMS, location), with the text shown',
    params: consumerParamsSchema,
    body: setConsentsRequestSchema,
    response: consumerMeSchema,
  }),
  'consumers.issuanceOffer': endpoint({
    method: 'GET',
    path: '/v1/consumers/:merchantCode/issuances/:issuanceId',
    auth: 'public',
    tag: 'consumers',
    summary: 'What an issuance QR gives, before signing in',
    params: issuanceParamsSchema,
    response: claimOfferSchema,
  }),
  'consumers.claimIssuance': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/issuances/:issuanceId/claim',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      'Claim a coupon of an issuance QR (exact under concurrency; a second claim answers the coupon held)',
    params: issuanceParamsSchema,
    response: claimResponseSchema,
  }),
  'consumers.storeOffer': endpoint({
    method: 'GET',
    path: '/v1/consumers/:merchantCode/stores/:storeId',
    auth: 'public',
    tag: 'consumers',
    summary: 'What a store’s fixed QR gives now, before signing in',
    params: storeParamsSchema,
    response: claimOfferSchema,
  }),
  'consumers.claimStore': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/stores/:storeId/claim',
    auth: 'consumer',
    tag: 'consumers',
    summary: 'Claim the store’s default coupon (the store QR)',
    params: storeParamsSchema,
    response: claimResponseSchema,
  }),
  'consumers.wallet': endpoint({
    method: 'GET',
    path: '/v1/consumers/:merchantCode/wallet',
    auth: 'consumer',
    tag: 'consumers',
    summary: 'The signed-in phone’s coupons by status and its member card',
    params: consumerParamsSchema,
    query: walletQuerySchema,
    response: walletResponseSchema,
  }),
  'consumers.createShare': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/coupons/:couponId/shares',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      'Share one of the phone’s coupons: transfer (one person; the coupon moves with a new code) or copy (friends, up to the allowance); a link and its expiry (a new link replaces the open one)',
    params: couponParamsSchema,
    body: createShareBodySchema,
    response: shareLinkSchema,
  }),
  'consumers.shareOffer': endpoint({
    method: 'GET',
    path: '/v1/consumers/:merchantCode/shares/:token',
    auth: 'public',
    tag: 'consumers',
    summary: 'What a share link gives, before signing in (never the giver’s phone)',
    params: shareParamsSchema,
    response: shareOfferSchema,
  }),
  'consumers.acceptShare': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/shares/:token/accept',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      'Accept a share: a transfer cancels the giver’s code and issues a new one to this phone; a copy issues one within the giver’s allowance and the template’s limit (exact under concurrency)',
    params: shareParamsSchema,
    response: acceptShareResponseSchema,
  }),
  'consumers.recallShare': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/shares/:token/recall',
    auth: 'consumer',
    tag: 'consumers',
    summary: 'The giver takes back a link not yet accepted (a copy link: no more copies)',
    params: shareParamsSchema,
    response: recallShareResponseSchema,
  }),
  'consumers.ask': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/asks',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      'Ask nearby holders for a coupon of a store (索取): the nearest who consented to location, the same 商圈 first, are asked in their wallet; a price may be stated',
    params: consumerParamsSchema,
    body: createAskBodySchema,
    response: askSchema,
  }),
  'consumers.myAsks': endpoint({
    method: 'GET',
    path: '/v1/consumers/:merchantCode/asks/mine',
    auth: 'consumer',
    tag: 'consumers',
    summary: 'The phone’s open asks and the coupons holders gave in answer',
    params: consumerParamsSchema,
    response: z.object({ asks: z.array(askSchema) }),
  }),
  'consumers.incomingAsks': endpoint({
    method: 'GET',
    path: '/v1/consumers/:merchantCode/asks/incoming',
    auth: 'consumer',
    tag: 'consumers',
    summary: 'Asks that reached this phone as a holder (no asker’s phone, distance to 100 m)',
    params: consumerParamsSchema,
    response: z.object({ asks: z.array(incomingAskSchema) }),
  }),
  'consumers.giveAsk': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/asks/:askId/give',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      'Give the asker the coupon (transfer or copy, as its template allows): a share only the asker may accept',
    params: askParamsSchema,
    response: z.object({ given: z.literal(true) }),
  }),
  'consumers.declineAsk': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/asks/:askId/decline',
    auth: 'consumer',
    tag: 'consumers',
    summary: 'Ignore or refuse an ask (the asker learns nothing of who)',
    params: askParamsSchema,
    body: declineAskBodySchema,
    response: z.object({ declined: z.literal(true) }),
  }),
  'consumers.strategies': endpoint({
    method: 'GET',
    path: '/v1/consumers/:merchantCode/strategies',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      "The merchant's current promotions: items on discount and items whose price may rise, per store, nearest store first with the phone's location",
    params: consumerParamsSchema,
    query: promotionsQuerySchema,
    response: promotionsResponseSchema,
  }),
  'admin.confirmPayment': endpoint({
    method: 'POST',
    path: '/v1/admin/merchants/:merchantId/payments/:paymentId/confirm',
    auth: 'admin',
    tag: 'admin',
    summary:
      'The operator confirms a manual payment arrived: the task pool it was asked for is funded by it, once',
    params: confirmPaymentParamsSchema,
    response: taskPaymentSchema,
  }),
  'tasks.create': endpoint({
    method: 'POST',
    path: '/v1/tasks',
    auth: 'device',
    tag: 'tasks',
    summary:
      'Create a check-in task as a draft; every rule it breaks is named (TASK_INVALID, details.failures)',
    body: taskDefinitionSchema,
    response: taskSchema,
  }),
  'tasks.list': endpoint({
    method: 'GET',
    path: '/v1/tasks',
    auth: 'device',
    tag: 'tasks',
    summary: "The merchant's check-in tasks with their pools, places and orders per state",
    response: taskListSchema,
  }),
  'tasks.verify': endpoint({
    method: 'POST',
    path: '/v1/tasks/verify',
    auth: 'device',
    tag: 'tasks',
    summary:
      "The till scanned a phone's task QR: the order completes and its reward is released (a second scan: completedNow false)",
    body: verifyTaskBodySchema,
    response: verifyTaskResponseSchema,
  }),
  'tasks.update': endpoint({
    method: 'POST',
    path: '/v1/tasks/:taskId',
    auth: 'device',
    tag: 'tasks',
    summary: 'Edit a draft (a published task: its title and description only)',
    params: taskParamsSchema,
    body: taskDefinitionSchema,
    response: taskSchema,
  }),
  'tasks.fund': endpoint({
    method: 'POST',
    path: '/v1/tasks/:taskId/fund',
    auth: 'device',
    tag: 'tasks',
    summary:
      'Ask a payment provider for money into the pool (default: what it lacks to cover every place); fake confirms at once, manual waits for the operator',
    params: taskParamsSchema,
    body: fundTaskBodySchema,
    response: fundTaskResponseSchema,
  }),
  'tasks.publish': endpoint({
    method: 'POST',
    path: '/v1/tasks/:taskId/publish',
    auth: 'device',
    tag: 'tasks',
    summary: 'Publish a task still valid whose pool covers every place (TASK_POOL_SHORT otherwise)',
    params: taskParamsSchema,
    response: taskSchema,
  }),
  'tasks.close': endpoint({
    method: 'POST',
    path: '/v1/tasks/:taskId/close',
    auth: 'device',
    tag: 'tasks',
    summary: 'End a task: open orders lapse, the pool refunds what it holds, raw fixes are deleted',
    params: taskParamsSchema,
    response: taskSchema,
  }),
  'tasks.orders': endpoint({
    method: 'GET',
    path: '/v1/tasks/:taskId/orders',
    auth: 'device',
    tag: 'tasks',
    summary: "A task's orders (phones masked), newest first, optionally of one state",
    params: taskParamsSchema,
    query: taskOrdersQuerySchema,
    response: taskOrdersResponseSchema,
  }),
  'tasks.siteCode': endpoint({
    method: 'GET',
    path: '/v1/tasks/:taskId/site-code',
    auth: 'device',
    tag: 'tasks',
    summary:
      "The till's rotating QR for phones to scan (bound to task and store, a new one every 30 s)",
    params: taskParamsSchema,
    query: siteCodeQuerySchema,
    response: siteCodeSchema,
  }),
  'consumers.tasks': endpoint({
    method: 'GET',
    path: '/v1/consumers/:merchantCode/tasks',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      'Check-in tasks open now, nearest first with the phone’s position (WGS-84), with the phone’s open order of each',
    params: consumerParamsSchema,
    query: nearbyTasksQuerySchema,
    response: nearbyTasksResponseSchema,
  }),
  'consumers.acceptTask': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/tasks/:taskId/accept',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      'Accept a task: a place and its reward are reserved (exact under concurrency); with a position, the arrival estimate and its late warning',
    params: consumerTaskParamsSchema,
    body: acceptTaskBodySchema,
    response: consumerOrderSchema,
  }),
  'consumers.siteCheckin': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/tasks/:taskId/site',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      "The phone scanned the till's rotating site code: the on-site verification of an order checked in by location",
    params: consumerTaskParamsSchema,
    body: siteCheckinBodySchema,
    response: consumerOrderSchema,
  }),
  'consumers.taskOrder': endpoint({
    method: 'GET',
    path: '/v1/consumers/:merchantCode/orders/:orderId',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      'An order of the phone: state, distance, arrival estimate and warning, its QR, its reward',
    params: consumerOrderParamsSchema,
    response: consumerOrderSchema,
  }),
  'consumers.checkin': endpoint({
    method: 'POST',
    path: '/v1/consumers/:merchantCode/orders/:orderId/checkin',
    auth: 'consumer',
    tag: 'consumers',
    summary:
      'A location check-in (WGS-84 fix with its accuracy): the verdict, the distance and a new estimate (needs the location consent)',
    params: consumerOrderParamsSchema,
    body: positionBodySchema,
    response: checkinResponseSchema,
  }),
  'outreach.createCampaign': endpoint({
    method: 'POST',
    path: '/v1/outreach/campaigns',
    auth: 'device',
    tag: 'outreach',
    summary:
      'Hand a campaign to the cloud (idempotent by id); its recipients follow in pages, then start',
    body: smsCampaignBodySchema,
    response: smsCampaignStatusSchema,
  }),
  'outreach.addRecipients': endpoint({
    method: 'POST',
    path: '/v1/outreach/campaigns/:campaignId/recipients',
    auth: 'device',
    tag: 'outreach',
    summary: 'A page of treated recipients (a phone sent twice is kept once)',
    params: smsCampaignParamsSchema,
    body: smsRecipientsBodySchema,
    response: smsRecipientsResponseSchema,
  }),
  'outreach.startCampaign': endpoint({
    method: 'POST',
    path: '/v1/outreach/campaigns/:campaignId/start',
    auth: 'device',
    tag: 'outreach',
    summary:
      'Queue every recipient: each is checked (consent, suppression, frequency cap), the offer placed in the wallet, the text sent in its window',
    params: smsCampaignParamsSchema,
    response: smsCampaignStatusSchema,
  }),
  'outreach.campaign': endpoint({
    method: 'GET',
    path: '/v1/outreach/campaigns/:campaignId',
    auth: 'device',
    tag: 'outreach',
    summary: 'Where a campaign stands: queued, sent, delivered, failed, skipped per rule, placed',
    params: smsCampaignParamsSchema,
    response: smsCampaignStatusSchema,
  }),
  'sms.receipts': endpoint({
    method: 'POST',
    path: '/v1/sms/receipts',
    auth: 'provider',
    tag: 'outreach',
    summary: 'The SMS provider reports delivery receipts (by the message id the cloud gave)',
    body: smsReceiptsBodySchema,
    response: smsCallbackResponseSchema,
  }),
  'sms.replies': endpoint({
    method: 'POST',
    path: '/v1/sms/replies',
    auth: 'provider',
    tag: 'outreach',
    summary:
      'The SMS provider forwards replies: R, T, TD, N or 退订 suppresses the phone for that signature at once',
    body: smsRepliesBodySchema,
    response: smsCallbackResponseSchema,
  }),
} as const satisfies Record<string, EndpointDef>;

export type EndpointName = keyof typeof cloudEndpoints;
type Def<N extends EndpointName> = (typeof cloudEndpoints)[N];
type Field<N extends EndpointName, F extends string> =
  Def<N> extends Record<F, infer S extends z.ZodType> ? S : z.ZodUndefined;

/** What a handler receives after parsing, and what it answers. */
export type EndpointInput<N extends EndpointName> = {
  params: z.output<Field<N, 'params'>>;
  query: z.output<Field<N, 'query'>>;
  body: z.output<Field<N, 'body'>>;
};
export type EndpointOutput<N extends EndpointName> = z.input<Def<N>['response']>;
/** What the desktop sends. */
export type EndpointBody<N extends EndpointName> = z.input<Field<N, 'body'>>;
