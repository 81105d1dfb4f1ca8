import { endpoint, type EndpointDef } from './endpoint-def';
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

/** Outreach: the merchant's device hands campaigns over; the SMS provider calls back. */
export const outreachEndpoints = {
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
