import { App, Switch, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { StrategyKind } from '../../../../src-shared/contract/alerts';
import { useErrorText } from '../../i18n/error-text';
import { usePublishStrategy, useUnpublishStrategy } from './alerts-queries';

/**
 * 对顾客公开: the manager's choice, per item, to list it in the merchant's promotions that
 * consumers read in the wallet (through the cloud, at the next sync).
 */
export function PublishSwitch({
  storeId,
  productId,
  kind,
  publishedAt,
  timeZone,
}: {
  storeId: string;
  productId: string;
  kind: StrategyKind;
  publishedAt: number | null;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const publish = usePublishStrategy();
  const unpublish = useUnpublishStrategy();
  const toggle = async (on: boolean) => {
    try {
      if (on) await publish.mutateAsync({ storeId, productId, kind });
      else await unpublish.mutateAsync({ storeId, productId, kind });
      message.success(on ? t('strategies.published') : t('strategies.withdrawn'));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Tooltip
      title={
        publishedAt
          ? t('strategies.publishedSince', {
              time: dayjs(publishedAt).tz(timeZone).format('MM-DD HH:mm'),
            })
          : t('strategies.publishHint')
      }
    >
      <Switch
        size="small"
        checked={publishedAt !== null}
        loading={publish.isPending || unpublish.isPending}
        onChange={(on) => void toggle(on)}
        aria-label={t('strategies.publish')}
      />
    </Tooltip>
  );
}
