import { Alert, Form, Space, Tag, Typography } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { useStoreTimeZone } from '../../shop-data/stores';
import type { ThresholdFormValues } from './ThresholdFields';

/** Names shown per list; the rest are counted. */
const SHOWN = 8;

/**
 * Under the thresholds form: which products the rule as typed would flag in a store — low now,
 * slow-moving now, or from which day if nothing sells — so a shop sees its rule work on day one.
 * A store with a shorter history than the slow-moving days is told so in words, not shown an
 * empty list.
 */
export function RulePreview({
  storeId,
  storeName,
  productId,
  category,
}: {
  storeId: string | undefined;
  storeName: string;
  productId?: string;
  category?: string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ThresholdFormValues>();
  const lowLevel = Form.useWatch('lowLevel', form) ?? null;
  const highLevel = Form.useWatch('highLevel', form) ?? null;
  const slowDays = Form.useWatch('slowDays', form) ?? null;
  const timeZone = useStoreTimeZone(storeId);
  const asked = lowLevel !== null || highLevel !== null;
  const preview = useApiQuery(
    'alerts.previewRules',
    {
      storeId: storeId ?? '',
      productId,
      category: productId ? undefined : category || undefined,
      lowLevel,
      highLevel,
      slowDays,
    },
    {
      enabled: !!storeId && asked && (!!productId || !!category),
      placeholderData: keepPreviousData,
    },
  );
  const day = (at: number) => dayjs(at).tz(timeZone).format('MM-DD');
  const names = (
    items: { productId: string; productName: string; qty: number }[],
    extra?: (i: number) => string,
  ) => (
    <Space size={[4, 4]} wrap>
      {items.slice(0, SHOWN).map((item, i) => (
        <Tag key={item.productId}>
          {t('alerts.preview.item', { name: item.productName, qty: item.qty })}
          {extra ? ` · ${extra(i)}` : ''}
        </Tag>
      ))}
      {items.length > SHOWN && (
        <Typography.Text type="secondary">
          {t('alerts.preview.more', { count: items.length - SHOWN })}
        </Typography.Text>
      )}
    </Space>
  );

  const body = () => {
    if (!asked)
      return <Typography.Text type="secondary">{t('alerts.preview.fillIn')}</Typography.Text>;
    if (!productId && !category)
      return <Typography.Text type="secondary">{t('alerts.preview.pickCategory')}</Typography.Text>;
    const data = preview.data;
    if (!data) return <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>;
    const slowNow = data.aboveHigh.filter((item) => item.slowNow);
    const later = data.aboveHigh.filter((item) => !item.slowNow);
    const shortHistory = slowDays !== null && data.historyDays < slowDays;
    return (
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {lowLevel !== null &&
          (data.low.length ? (
            <div>
              <Typography.Text strong>
                {t('alerts.preview.lowNow', { count: data.low.length, low: lowLevel })}
              </Typography.Text>
              <div>{names(data.low)}</div>
            </div>
          ) : (
            <Typography.Text>{t('alerts.preview.noLow', { low: lowLevel })}</Typography.Text>
          ))}
        {highLevel !== null && !data.aboveHigh.length && (
          <Typography.Text>{t('alerts.preview.noneAbove', { high: highLevel })}</Typography.Text>
        )}
        {highLevel !== null && data.aboveHigh.length > 0 && slowDays === null && (
          <Typography.Text>
            {t('alerts.preview.aboveNoDays', { count: data.aboveHigh.length, high: highLevel })}
          </Typography.Text>
        )}
        {highLevel !== null && slowDays !== null && shortHistory && data.aboveHigh.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={
              data.historyDays === 0
                ? t('alerts.preview.historyToday', { days: slowDays })
                : t('alerts.preview.historyShort', { history: data.historyDays, days: slowDays })
            }
          />
        )}
        {slowDays !== null && slowNow.length > 0 && (
          <div>
            <Typography.Text strong>
              {t('alerts.preview.slowNow', { count: slowNow.length, days: slowDays })}
            </Typography.Text>
            <div>{names(slowNow)}</div>
          </div>
        )}
        {slowDays !== null && later.length > 0 && (
          <div>
            <Typography.Text strong>
              {t('alerts.preview.slowLater', {
                count: later.length,
                high: highLevel,
                days: slowDays,
              })}
            </Typography.Text>
            <div>
              {names(later, (i) => t('alerts.preview.from', { date: day(later[i]!.flaggedFrom!) }))}
            </div>
          </div>
        )}
      </Space>
    );
  };

  return (
    <div data-testid="rule-preview">
      <Typography.Text type="secondary">
        {t('alerts.preview.title', { store: storeName })}
      </Typography.Text>
      <div style={{ marginTop: 6 }}>{body()}</div>
    </div>
  );
}
