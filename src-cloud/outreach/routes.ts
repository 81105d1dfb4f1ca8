import type { FastifyInstance } from 'fastify';
import { AppError } from '../../src-node/app-error';
import type { Language } from '../../src-shared/i18n';
import { checkFailedDetails } from '../../src-shared/outreach/check-failed';
import type { MessageRule } from '../../src-shared/outreach/sms-rules';
import { registerEndpoint, type EndpointDeps } from '../http/endpoint';
import type { SmsCallbacks } from './callbacks';
import type { OutreachCampaigns } from './campaigns';

/** The broken rules named in the caller's language (the code's `{{rules}}`). */
async function namingRules<T>(lang: Language, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'CAMPAIGN_CHECK_FAILED')
      throw new AppError(
        'CAMPAIGN_CHECK_FAILED',
        checkFailedDetails(error.details.failures as MessageRule[], lang),
      );
    throw error;
  }
}

/**
 * SMS campaigns: the merchant's device hands a campaign over, its recipients in pages, starts
 * it and follows it; the SMS provider reports receipts and replies (its callback token).
 */
export function registerOutreachRoutes(
  app: FastifyInstance,
  deps: EndpointDeps,
  campaigns: OutreachCampaigns,
  callbacks: SmsCallbacks,
) {
  registerEndpoint(app, deps, 'outreach.createCampaign', async ({ body }, ctx) =>
    namingRules(ctx.lang, () => campaigns.create(ctx.device, body)),
  );
  registerEndpoint(app, deps, 'outreach.addRecipients', async ({ params, body }, ctx) =>
    campaigns.addRecipients(ctx.device, params.campaignId, body.recipients),
  );
  registerEndpoint(app, deps, 'outreach.startCampaign', async ({ params }, ctx) =>
    campaigns.start(ctx.device, params.campaignId),
  );
  registerEndpoint(app, deps, 'outreach.campaign', async ({ params }, ctx) =>
    campaigns.status(ctx.device.merchantId, params.campaignId),
  );
  registerEndpoint(app, deps, 'sms.receipts', async ({ body }) =>
    callbacks.receipts(body.receipts),
  );
  registerEndpoint(app, deps, 'sms.replies', async ({ body }) => callbacks.replies(body.replies));
}
