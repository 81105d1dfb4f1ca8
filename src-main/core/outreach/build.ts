import type { Clock } from '../../../src-node/clock';
import type { AuditService } from '../audit/service';
import type { TemplatesService } from '../coupons/templates';
import type { AppDatabase } from '../db/database';
import type { SettingsService } from '../settings/service';
import type { SyncService } from '../sync/service';
import { AudienceEngine } from './audience';
import { AudiencesService } from './audiences';
import { AutomationsService } from './automations';
import { CampaignsService } from './campaigns';
import { CampaignResultsReader } from './results';
import { OutreachSettingsService } from './settings-service';
import { DailySummary } from './summary';

/** The outreach services over one database, wired as createCore needs them. */
export function buildOutreach(deps: {
  adb: AppDatabase;
  clock: Clock;
  templates: TemplatesService;
  settings: SettingsService;
  sync: SyncService;
  audit: AuditService;
}) {
  const { adb, clock, templates, settings, sync, audit } = deps;
  const settingsService = new OutreachSettingsService(adb, settings, audit);
  // The engine counts days in the merchant's zone, which the campaigns know: asked lazily.
  const timeZone = (): string => campaigns.timeZone();
  const engine = new AudienceEngine(adb.sqlite, clock, timeZone);
  const campaigns = new CampaignsService(adb, clock, engine, templates, settings, sync, audit);
  return {
    settings: settingsService,
    campaigns,
    audiences: new AudiencesService(adb, clock, engine, () => campaigns.policy(), audit),
    results: new CampaignResultsReader(adb.sqlite, clock, campaigns, sync),
    automations: new AutomationsService(adb, clock, settings, campaigns, audit),
    summary: new DailySummary(adb.sqlite, clock, settings, sync, timeZone),
  };
}
