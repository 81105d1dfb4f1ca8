import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AudienceRules } from '../../../../src-shared/outreach/audience';
import { PageHeader } from '../../ui/PageHeader';
import { AudienceBuilder, type EditedAudience } from './AudienceBuilder';
import { AutomationsPanel } from './AutomationsPanel';
import { CampaignComposer } from './CampaignComposer';
import { CampaignResults } from './CampaignResults';
import { CampaignsList } from './CampaignsList';
import { EMPTY_RULES } from './audience-form';
import { OutreachSettingsForm } from './OutreachSettingsForm';
import styles from './Outreach.module.css';

const TABS = ['audience', 'compose', 'campaigns', 'automations', 'settings'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

/** The search parameters of this page: its tab, and a campaign whose results are open. */
export const TAB_PARAM = 'tab';
export const CAMPAIGN_PARAM = 'campaign';

/**
 * 营销 → 精准营销: the audience builder with its live count, the campaign composer with the SMS
 * checker, the campaigns and their results against the holdout, the daily automations and the
 * settings. The rules being edited on 人群 are what 新建活动 sends to unless a saved audience
 * is picked there; the tab and an open campaign are in the address (the back button works).
 */
export function OutreachPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [rules, setRules] = useState<AudienceRules>(EMPTY_RULES);
  const [edited, setEdited] = useState<EditedAudience | null>(null);
  // Bumped to start a fresh composer (after a campaign is created and sent).
  const [composerKey, setComposerKey] = useState(0);

  const tabParam = params.get(TAB_PARAM);
  const tab: Tab = isTab(tabParam) ? tabParam : 'audience';
  const campaignId = params.get(CAMPAIGN_PARAM);
  const go = (next: Tab, extra: Record<string, string> = {}) =>
    setParams({ [TAB_PARAM]: next, ...extra });

  return (
    <div className={styles.page}>
      <PageHeader title={t('outreach.title')} subtitle={t('outreach.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => go(key as Tab)}
        items={[
          {
            key: 'audience',
            label: t('outreach.tabs.audience'),
            // Mounted only while shown, so coming back counts again (an unsubscribe pulled or
            // a sale since changes the count without the rules changing).
            children: tab === 'audience' && (
              <AudienceBuilder
                rules={rules}
                onRulesChange={setRules}
                edited={edited}
                onEditedChange={setEdited}
                onUseInCampaign={() => go('compose')}
              />
            ),
          },
          {
            key: 'compose',
            label: t('outreach.tabs.compose'),
            children: (
              <CampaignComposer
                key={composerKey}
                currentRules={rules}
                currentName={edited?.name ?? null}
                onEditRules={() => go('audience')}
                onOpenResults={(id) => go('campaigns', { [CAMPAIGN_PARAM]: id })}
                onAnother={() => setComposerKey((key) => key + 1)}
              />
            ),
          },
          {
            key: 'campaigns',
            label: t('outreach.tabs.campaigns'),
            children: campaignId ? (
              <CampaignResults campaignId={campaignId} onBack={() => go('campaigns')} />
            ) : (
              <CampaignsList
                onOpen={(id) => go('campaigns', { [CAMPAIGN_PARAM]: id })}
                onNew={() => go('compose')}
              />
            ),
          },
          {
            key: 'automations',
            label: t('outreach.tabs.automations'),
            children: <AutomationsPanel />,
          },
          {
            key: 'settings',
            label: t('outreach.tabs.settings'),
            children: <OutreachSettingsForm />,
          },
        ]}
      />
    </div>
  );
}
