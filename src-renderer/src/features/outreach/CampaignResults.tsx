import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignResults as Results } from '../../../../src-shared/contract/outreach';
import { formatFen } from '../../../../src-shared/money';
import { EXCLUSION_REASONS } from '../../../../src-shared/outreach/audience';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { percentText } from '../../ui/charts/chart-format';
import { EChart } from '../../ui/charts/EChart';
import type { ChartOption } from '../../ui/charts/echarts';
import { Money } from '../../ui/Money';
import { useCampaignResults } from './outreach-queries';
import { outreachErrorText, points, signedFen } from './outreach-text';
import { TIME_FORMAT } from './SmsChecker';
import styles from './Outreach.module.css';

type Arm = 'treatment' | 'holdout';
type ArmRow = Results['arms'][Arm] & { arm: Arm };
type Interval = Results['lift']['buyerRate'];

const STATE_COLORS = { draft: 'default', sending: 'processing', sent: 'success' } as const;

/**
 * A campaign's results: per arm (发送组 / 对照组) what they did in the window, the lift with its
 * 95 % interval, the cost per extra buyer, and where the cloud is with sending. The window still
 * open is said, so nobody reads a half-counted lift as final.
 */
export function CampaignResults({
  campaignId,
  onBack,
}: {
  campaignId: string;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const results = useCampaignResults(campaignId);
  const at = (ms: number) => dayjs(ms).tz(timeZone).format(TIME_FORMAT);
  const data = results.data;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
      {t('outreach.results.back')}
    </Button>
  );

  if (results.isError)
    return (
      <div className={styles.stack}>
        <div>{back}</div>
        <Alert type="error" showIcon title={outreachErrorText(t, results.error)} />
      </div>
    );
  if (!data)
    return (
      <div className={styles.stack}>
        <div>{back}</div>
        <div className={styles.waiting}>
          <Spin />
        </div>
      </div>
    );

  const { campaign, window, lift } = data;
  const draft = campaign.state === 'draft';

  return (
    <div className={styles.stack} data-testid="campaign-results">
      <div className={styles.resultsHead}>
        {back}
        <div className={styles.resultsTitle}>
          <Typography.Title level={4} className={styles.noMargin}>
            {t('outreach.results.title', { name: campaign.name })}
          </Typography.Title>
          <Tag color={STATE_COLORS[campaign.state]}>
            {t(`outreach.campaigns.states.${campaign.state}`)}
          </Tag>
          <Tag>{t(`outreach.campaigns.kinds.${campaign.kind}`)}</Tag>
        </div>
        <Button
          icon={<ReloadOutlined />}
          loading={results.isFetching}
          onClick={() => void results.refetch()}
          className={styles.pushRight}
        >
          {t('outreach.campaigns.refresh')}
        </Button>
      </div>

      {draft ? (
        <Alert type="info" showIcon title={t('outreach.results.notSent')} />
      ) : (
        <Alert
          type={window.complete ? 'success' : 'info'}
          showIcon
          data-testid="results-window"
          title={
            window.complete
              ? `${t('outreach.results.complete')} · ${t('outreach.results.window', {
                  from: at(window.from),
                  until: at(window.until),
                })}`
              : t('outreach.results.incomplete', { until: at(window.until) })
          }
        />
      )}

      {!draft && (
        <div className={styles.liftCards}>
          <LiftCard
            testId="lift-buyer-rate"
            title={t('outreach.results.buyerRate')}
            interval={lift.buyerRate}
            say={(value) => t('outreach.results.points', { value: points(value) })}
            sayBound={points}
          />
          <LiftCard
            testId="lift-revenue"
            title={t('outreach.results.revenuePerRecipient')}
            interval={lift.revenuePerRecipientFen}
            say={signedFen}
            sayBound={signedFen}
          />
          <LiftCard
            testId="lift-margin"
            title={t('outreach.results.marginPerRecipient')}
            interval={lift.marginPerRecipientFen}
            say={signedFen}
            sayBound={signedFen}
          />
          <Card size="small" className={styles.liftCard} data-testid="results-cost">
            <div className={styles.figureLabel}>{t('outreach.results.cost')}</div>
            <div className={styles.liftValue}>
              <Money fen={data.costFen} />
            </div>
            <div className={styles.liftSub} data-testid="results-cost-parts">
              {t('outreach.results.costParts', {
                sms: formatFen(data.smsCostFen),
                discount: formatFen(data.discountFen),
              })}
            </div>
            <div className={styles.liftSub}>{t('outreach.results.costPerExtraBuyer')}</div>
            <div className={styles.liftSecond} data-testid="cost-per-extra-buyer">
              {data.costPerExtraBuyerFen === null ? (
                t('outreach.results.noExtraBuyer')
              ) : (
                <Money fen={data.costPerExtraBuyerFen} />
              )}
            </div>
            <div className={styles.liftSub}>{t('outreach.results.costPerRedemption')}</div>
            <div className={styles.liftSecond} data-testid="cost-per-redemption">
              {data.costPerExtraRedemptionFen === null ? (
                t('outreach.results.noRedemption')
              ) : (
                <Money fen={data.costPerExtraRedemptionFen} />
              )}
            </div>
          </Card>
        </div>
      )}

      <Card title={t('outreach.results.armsTitle')} size="small">
        <ArmsTable results={data} />
      </Card>

      {!draft && (
        <div className={styles.resultsRow}>
          <Card title={t('outreach.results.chart')} size="small" className={styles.chartCard}>
            <ArmsChart results={data} />
          </Card>
          <Card
            title={t('outreach.results.sending.title')}
            size="small"
            className={styles.sendingCard}
            data-testid="results-sending"
          >
            {data.sending === null ? (
              <Alert type="warning" showIcon title={t('outreach.results.sending.unavailable')} />
            ) : (
              <SendingStatus sending={data.sending} at={at} />
            )}
          </Card>
        </div>
      )}
    </div>
  );
}

/** One lift: the difference, its 95 % interval, and whether the interval leaves out zero. */
function LiftCard({
  title,
  interval,
  say,
  sayBound,
  testId,
}: {
  title: string;
  interval: Interval;
  say: (value: number) => string;
  sayBound: (value: number) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  const significant = interval !== null && (interval.low > 0 || interval.high < 0);
  return (
    <Card size="small" className={styles.liftCard} data-testid={testId}>
      <div className={styles.figureLabel}>{title}</div>
      {interval === null ? (
        <div className={styles.liftSub}>{t('outreach.results.notMeasurable')}</div>
      ) : (
        <>
          <div
            className={`${styles.liftValue} ${
              significant ? (interval.lift > 0 ? styles.good : styles.bad) : ''
            }`}
          >
            {say(interval.lift)}
          </div>
          <div className={styles.liftSub}>
            {t('outreach.results.interval', {
              low: sayBound(interval.low),
              high: sayBound(interval.high),
            })}
          </div>
          <Tag color={significant ? 'green' : 'default'} className={styles.liftTag}>
            {t(significant ? 'outreach.results.significant' : 'outreach.results.notSignificant')}
          </Tag>
        </>
      )}
    </Card>
  );
}

function ArmsTable({ results }: { results: Results }) {
  const { t } = useTranslation();
  const rows: ArmRow[] = [
    { arm: 'treatment', ...results.arms.treatment },
    { arm: 'holdout', ...results.arms.holdout },
  ];
  const count = (key: keyof Omit<ArmRow, 'arm' | 'revenueFen' | 'marginFen'>) => ({
    key,
    title: t(`outreach.results.columns.${key}`),
    align: 'right' as const,
    render: (_: unknown, row: ArmRow) => row[key].toLocaleString(),
  });
  const columns: TableColumnsType<ArmRow> = [
    {
      key: 'arm',
      title: t('outreach.results.arm'),
      render: (_, row) => (
        <Tag color={row.arm === 'treatment' ? 'blue' : 'default'}>
          {t(`outreach.results.arms.${row.arm}`)}
        </Tag>
      ),
    },
    count('recipients'),
    count('sent'),
    count('delivered'),
    count('placed'),
    count('redeemed'),
    {
      ...count('buyers'),
      render: (_, row) => (
        <span className={styles.nowrap}>
          {row.buyers.toLocaleString()}
          <Typography.Text type="secondary" className={styles.small}>
            {' '}
            ({percentText(row.recipients ? row.buyers / row.recipients : null)})
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'revenue',
      title: t('outreach.results.columns.revenue'),
      align: 'right',
      render: (_, row) => <Money fen={row.revenueFen} />,
    },
    {
      key: 'margin',
      title: t('outreach.results.columns.margin'),
      align: 'right',
      render: (_, row) => <Money fen={row.marginFen} />,
    },
  ];
  return (
    <Table<ArmRow>
      rowKey="arm"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={columns}
      data-testid="results-arms"
      scroll={{ x: 'max-content' }}
    />
  );
}

/** Buyer rate and redemption rate, treatment beside holdout. */
function ArmsChart({ results }: { results: Results }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const rate = (hits: number, n: number) => (n ? Number(((hits / n) * 100).toFixed(1)) : 0);
    const arm = (key: Arm) => {
      const row = results.arms[key];
      return [rate(row.buyers, row.recipients), rate(row.redeemed, row.recipients)];
    };
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => `${Number(value).toFixed(1)}%`,
      },
      legend: { top: 0, left: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: [t('outreach.results.chartBuyerRate'), t('outreach.results.chartRedeemRate')],
      },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: (['treatment', 'holdout'] as const).map((key) => ({
        type: 'bar' as const,
        name: t(`outreach.results.arms.${key}`),
        barMaxWidth: 36,
        data: arm(key),
        label: { show: true, position: 'top' as const, formatter: '{c}%' },
      })),
    };
  }, [results, t]);
  return <EChart option={option} height={240} emptyText={t('outreach.results.chartEmpty')} />;
}

function SendingStatus({
  sending,
  at,
}: {
  sending: NonNullable<Results['sending']>;
  at: (ms: number) => string;
}) {
  const { t } = useTranslation();
  const skipped = EXCLUSION_REASONS.filter((reason) => (sending.skipped[reason] ?? 0) > 0);
  const item = (key: string, label: ReactNode, children: ReactNode) => ({ key, label, children });
  return (
    <>
      <Descriptions
        size="small"
        column={2}
        items={[
          item(
            'state',
            t('outreach.campaigns.columns.state'),
            <Tag color={sending.state === 'done' ? 'success' : 'processing'}>
              {t(`outreach.results.sending.states.${sending.state}`)}
            </Tag>,
          ),
          item('queued', t('outreach.results.sending.queued'), sending.queued.toLocaleString()),
          item('sent', t('outreach.results.sending.sent'), sending.sent.toLocaleString()),
          item(
            'delivered',
            t('outreach.results.sending.delivered'),
            sending.delivered.toLocaleString(),
          ),
          item(
            'failed',
            t('outreach.results.sending.failed'),
            <span className={sending.failed > 0 ? styles.bad : undefined}>
              {sending.failed.toLocaleString()}
            </span>,
          ),
          item('placed', t('outreach.results.sending.placed'), sending.placed.toLocaleString()),
          item('parts', t('outreach.results.sending.parts'), sending.parts.toLocaleString()),
          item(
            'skipped',
            t('outreach.results.sending.skipped'),
            skipped.length === 0 ? (
              t('outreach.results.sending.skippedNone')
            ) : (
              <ul className={styles.skipped}>
                {skipped.map((reason) => (
                  <li key={reason} data-rule={reason}>
                    {t('outreach.excludedItem', {
                      rule: t(`smsRules.${reason}`),
                      count: sending.skipped[reason],
                    })}
                  </li>
                ))}
              </ul>
            ),
          ),
        ]}
      />
      {sending.nextSendAt !== null && (
        <Alert
          type="info"
          showIcon
          className={styles.blockTop}
          title={t('outreach.results.sending.nextSendAt', { time: at(sending.nextSendAt) })}
        />
      )}
    </>
  );
}
