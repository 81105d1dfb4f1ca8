import { BarChartOutlined, PlusOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../src-shared/contract/outreach';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { useCampaigns } from './outreach-queries';
import { excludedTotal } from './outreach-text';
import { SendErrorAlert, useSendCampaignFlow } from './send-campaign';
import { TIME_FORMAT } from './SmsChecker';
import styles from './Outreach.module.css';

const STATE_COLORS: Record<Campaign['state'], string> = {
  draft: 'default',
  sending: 'processing',
  sent: 'success',
};

/** 活动: every campaign (manual and automatic), newest first; a draft may be sent from here. */
export function CampaignsList({
  onOpen,
  onNew,
}: {
  onOpen: (campaignId: string) => void;
  onNew: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const campaigns = useCampaigns();
  const sendFlow = useSendCampaignFlow(timeZone);
  const at = (ms: number) => dayjs(ms).tz(timeZone).format(TIME_FORMAT);

  return (
    <Card
      title={t('outreach.campaigns.title')}
      extra={
        <Space>
          <Button
            icon={<ReloadOutlined />}
            loading={campaigns.isFetching}
            onClick={() => void campaigns.refetch()}
          >
            {t('outreach.campaigns.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={onNew}>
            {t('outreach.tabs.compose')}
          </Button>
        </Space>
      }
    >
      {campaigns.isError && (
        <Alert type="error" showIcon className={styles.block} title={errorText(campaigns.error)} />
      )}
      {sendFlow.error !== null && (
        <SendErrorAlert error={sendFlow.error} onClose={sendFlow.clearError} />
      )}
      <Table<Campaign>
        rowKey="id"
        size="middle"
        loading={campaigns.isPending}
        dataSource={campaigns.data?.campaigns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('outreach.campaigns.empty') }}
        data-testid="campaigns-table"
        onRow={(campaign) => ({
          onClick: () => onOpen(campaign.id),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            key: 'name',
            title: t('outreach.campaigns.columns.name'),
            render: (_, campaign) => (
              <div className={styles.cell}>
                <Typography.Text strong>{campaign.name}</Typography.Text>
                <Tag className={styles.kindTag}>
                  {t(`outreach.campaigns.kinds.${campaign.kind}`)}
                </Tag>
              </div>
            ),
          },
          {
            key: 'state',
            title: t('outreach.campaigns.columns.state'),
            width: 100,
            render: (_, campaign) => (
              <Tag color={STATE_COLORS[campaign.state]}>
                {t(`outreach.campaigns.states.${campaign.state}`)}
              </Tag>
            ),
          },
          {
            key: 'recipients',
            title: t('outreach.campaigns.columns.recipients'),
            render: (_, { recipients }) => {
              const excluded = excludedTotal(recipients.excluded);
              return (
                <div className={styles.cell}>
                  <span className={styles.nowrap}>
                    {t('outreach.campaigns.recipients', {
                      treatment: recipients.treatment,
                      holdout: recipients.holdout,
                    })}
                  </span>
                  {excluded > 0 && (
                    <Typography.Text type="secondary" className={styles.small}>
                      {t('outreach.campaigns.excluded', { count: excluded })}
                    </Typography.Text>
                  )}
                </div>
              );
            },
          },
          {
            key: 'offer',
            title: t('outreach.campaigns.columns.offer'),
            ellipsis: true,
            render: (_, campaign) => campaign.templateName ?? t('outreach.campaigns.noOffer'),
          },
          {
            key: 'time',
            title: t('outreach.campaigns.columns.time'),
            render: (_, campaign) => (
              <div className={`${styles.cell} ${styles.small}`}>
                {campaign.sentAt !== null ? (
                  <span>{t('outreach.campaigns.sentAt', { time: at(campaign.sentAt) })}</span>
                ) : (
                  campaign.sendAt !== null && (
                    <span>{t('outreach.campaigns.sendAt', { time: at(campaign.sendAt) })}</span>
                  )
                )}
                <Typography.Text type="secondary" className={styles.small}>
                  {t('outreach.campaigns.createdAt', { time: at(campaign.createdAt) })}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'actions',
            title: t('outreach.campaigns.columns.actions'),
            width: 170,
            render: (_, campaign) => (
              <Space size={4} onClick={(event) => event.stopPropagation()}>
                {campaign.state === 'draft' && (
                  <Button
                    size="small"
                    type="primary"
                    icon={<SendOutlined />}
                    loading={sendFlow.busy}
                    onClick={() => sendFlow.start(campaign)}
                  >
                    {t('outreach.campaigns.send')}
                  </Button>
                )}
                <Button
                  size="small"
                  icon={<BarChartOutlined />}
                  onClick={() => onOpen(campaign.id)}
                >
                  {t('outreach.campaigns.results')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
