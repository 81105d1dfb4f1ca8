import { CloudSyncOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Campaign } from '../../../../src-shared/contract/outreach';
import { formatFen } from '../../../../src-shared/money';
import { useApi } from '../../api/api-context';
import { isApiError } from '../../api/api-error';
import { NAV_ITEMS } from '../../navigation/nav-items';
import { useSendCampaign } from './outreach-queries';
import { excludedTotal, exclusionList, outreachErrorText } from './outreach-text';
import { TIME_FORMAT } from './SmsChecker';
import styles from './Outreach.module.css';

/**
 * Sending a draft: the checker asked once more for its recipients, the cost and the window, a
 * confirmation with those numbers, then `campaigns.send`. A refusal stays on screen (translated,
 * each broken rule named; unpaired: the way to 云端同步).
 */
export function useSendCampaignFlow(timeZone: string) {
  const { t } = useTranslation();
  const api = useApi();
  const { modal, message } = App.useApp();
  const send = useSendCampaign();
  const [error, setError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);

  const start = async (campaign: Campaign, onSent?: (sent: Campaign) => void) => {
    setError(null);
    setChecking(true);
    let check;
    try {
      check = await api.call('campaigns.check', {
        campaignId: campaign.id,
        text: campaign.text,
        sendAt: campaign.sendAt,
      });
    } catch (caught) {
      setError(caught);
      return;
    } finally {
      setChecking(false);
    }
    const recipients = check.recipients ?? campaign.recipients;
    const when = check.window.deferred
      ? t('outreach.checker.deferred', {
          time: dayjs(check.window.sendsAt).tz(timeZone).format(TIME_FORMAT),
        })
      : campaign.sendAt === null
        ? t('outreach.checker.sendsNow')
        : t('outreach.checker.sendsAt', {
            time: dayjs(check.window.sendsAt).tz(timeZone).format(TIME_FORMAT),
          });
    const excluded = excludedTotal(recipients.excluded);
    modal.confirm({
      title: t('outreach.compose.sendConfirmTitle', { name: campaign.name }),
      icon: <SendOutlined />,
      width: 480,
      content: (
        <ul className={styles.confirmList} data-testid="send-confirm">
          <li>
            {t(
              campaign.templateId
                ? 'outreach.compose.sendConfirmTreatment'
                : 'outreach.compose.sendConfirmTreatmentTextOnly',
              { count: recipients.treatment },
            )}
          </li>
          <li>{t('outreach.compose.sendConfirmHoldout', { count: recipients.holdout })}</li>
          {excluded > 0 && (
            <li>
              {t('outreach.compose.sendConfirmExcluded', {
                count: excluded,
                list: exclusionList(t, recipients.excluded),
              })}
            </li>
          )}
          {check.costFen !== null && (
            <li>{t('outreach.compose.sendConfirmCost', { cost: formatFen(check.costFen) })}</li>
          )}
          <li>{t('outreach.compose.sendConfirmWhen', { when })}</li>
        </ul>
      ),
      okText: t('outreach.compose.sendConfirmOk'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const sent = await send.mutateAsync({ campaignId: campaign.id });
          message.success(t('outreach.compose.sentOk'));
          onSent?.(sent);
        } catch (caught) {
          setError(caught);
        }
      },
    });
  };

  return {
    start: (campaign: Campaign, onSent?: (sent: Campaign) => void) => void start(campaign, onSent),
    busy: checking || send.isPending,
    error,
    clearError: () => setError(null),
  };
}

/** A refusal to send, translated; unpaired, with the way to 云端同步. */
export function SendErrorAlert({ error, onClose }: { error: unknown; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unpaired = isApiError(error) && error.code === 'CLOUD_NOT_PAIRED';
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      className={styles.block}
      data-testid="send-error"
      title={outreachErrorText(t, error)}
      description={
        unpaired && (
          <Button
            size="small"
            icon={<CloudSyncOutlined />}
            onClick={() => void navigate(NAV_ITEMS.sync.path)}
          >
            {t('outreach.goToSync')}
          </Button>
        )
      }
    />
  );
}
