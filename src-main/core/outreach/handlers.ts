import type { HandlerMap } from '../platform/context';
import type { AudiencesService } from './audiences';
import type { AutomationsService } from './automations';
import type { CampaignsService } from './campaigns';
import type { CampaignResultsReader } from './results';
import type { OutreachSettingsService } from './settings-service';

type OutreachMethods =
  | 'audiences.preview'
  | 'audiences.save'
  | 'audiences.list'
  | 'campaigns.create'
  | 'campaigns.check'
  | 'campaigns.send'
  | 'campaigns.list'
  | 'campaigns.results'
  | 'automations.list'
  | 'automations.save'
  | 'outreach.settings'
  | 'outreach.saveSettings';

/** Outreach: audiences and campaigns here, the sending through the cloud. */
export const outreachHandlers = (outreach: {
  audiences: AudiencesService;
  campaigns: CampaignsService;
  results: CampaignResultsReader;
  automations: AutomationsService;
  settings: OutreachSettingsService;
}): Pick<HandlerMap, OutreachMethods> => ({
  'audiences.preview': ({ rules }) => outreach.audiences.preview(rules),
  'audiences.save': (input, ctx) => outreach.audiences.save(ctx, input),
  'audiences.list': () => ({ audiences: outreach.audiences.list() }),
  'campaigns.create': (input, ctx) => outreach.campaigns.create(ctx, { ...input, kind: 'manual' }),
  'campaigns.check': (input) => outreach.campaigns.check(input),
  'campaigns.send': (input, ctx) => outreach.campaigns.send(ctx, input),
  'campaigns.list': () => ({ campaigns: outreach.campaigns.list() }),
  'campaigns.results': ({ campaignId }) => outreach.results.results(campaignId),
  'automations.list': () => ({ automations: outreach.automations.list() }),
  'automations.save': (input, ctx) => outreach.automations.save(ctx, input),
  'outreach.settings': () => outreach.settings.get(),
  'outreach.saveSettings': (input, ctx) => outreach.settings.save(ctx, input),
});
