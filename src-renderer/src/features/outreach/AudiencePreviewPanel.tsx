import { LoadingOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Progress, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDIENCE_STRATA,
  EXCLUSION_REASONS,
  type AudienceRules,
} from '../../../../src-shared/outreach/audience';
import type { AudiencePreview } from '../../../../src-shared/contract/outreach';
import { useErrorText } from '../../i18n/error-text';
import { useAudiencePreview } from './outreach-queries';
import { stratumName } from './outreach-text';
import styles from './Outreach.module.css';

type SampleRow = AudiencePreview['sample'][number] & { key: number };

/**
 * The live count of the rules being edited: how many they select, how many of them may be
 * texted, who is left out by which rule, the segments, and a few of them (masked). While the
 * next count is on its way the last one stays, marked as counting.
 */
export function AudiencePreviewPanel({
  rules,
  className,
  action,
}: {
  rules: AudienceRules;
  className?: string;
  /** Under the two big numbers: what to do with this audience. */
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const preview = useAudiencePreview(rules);
  const data = preview.data;
  const people = (count: number) => t('outreach.people', { count });

  return (
    <Card
      className={className}
      title={t('outreach.preview.title')}
      extra={
        preview.isFetching && (
          <Typography.Text type="secondary" className={styles.counting}>
            <LoadingOutlined /> {t('outreach.preview.counting')}
          </Typography.Text>
        )
      }
      data-testid="audience-preview"
      aria-busy={preview.isFetching}
    >
      {preview.isError && (
        <Alert
          type="error"
          showIcon
          className={styles.block}
          title={t('outreach.preview.failed', { error: errorText(preview.error) })}
        />
      )}
      {!data ? (
        !preview.isError && <div className={styles.waiting}>{t('outreach.preview.counting')}</div>
      ) : (
        <div>
          <div className={styles.figures}>
            <div className={styles.figure} data-testid="preview-total">
              <span className={styles.figureLabel}>{t('outreach.preview.total')}</span>
              <span className={styles.figureValue}>{data.total.toLocaleString()}</span>
            </div>
            <div className={styles.figure} data-testid="preview-reachable">
              <span className={styles.figureLabel}>{t('outreach.preview.reachable')}</span>
              <span className={`${styles.figureValue} ${styles.good}`}>
                {data.reachable.toLocaleString()}
              </span>
            </div>
          </div>

          {action && <div className={styles.block}>{action}</div>}
          <Typography.Title level={5} className={styles.subTitle}>
            {t('outreach.preview.excludedTitle')}
          </Typography.Title>
          {EXCLUSION_REASONS.some((reason) => (data.excluded[reason] ?? 0) > 0) ? (
            <ul className={styles.excluded} data-testid="preview-excluded">
              {EXCLUSION_REASONS.map((reason) => (
                <li key={reason} data-rule={reason}>
                  <span>{t(`smsRules.${reason}`)}</span>
                  <span className={styles.count}>{people(data.excluded[reason] ?? 0)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">{t('outreach.preview.excludedNone')}</Typography.Text>
          )}

          <Typography.Title level={5} className={styles.subTitle}>
            {t('outreach.preview.byStratum')}
          </Typography.Title>
          <div className={styles.strata} data-testid="preview-strata">
            {AUDIENCE_STRATA.filter((stratum) => (data.byStratum[stratum] ?? 0) > 0).map(
              (stratum) => {
                const count = data.byStratum[stratum] ?? 0;
                return (
                  <div key={stratum} className={styles.stratum}>
                    <span className={styles.stratumName}>{stratumName(t, stratum)}</span>
                    <Progress
                      percent={data.total ? (count / data.total) * 100 : 0}
                      showInfo={false}
                      size="small"
                      className={styles.stratumBar}
                    />
                    <span className={styles.count}>{count.toLocaleString()}</span>
                  </div>
                );
              },
            )}
          </div>
          {data.total === 0 && (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('outreach.preview.sampleEmpty')}
            />
          )}

          {data.sample.length > 0 && (
            <>
              <Typography.Title level={5} className={styles.subTitle}>
                {t('outreach.preview.sample')}
              </Typography.Title>
              <Table<SampleRow>
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={data.sample.map((row, index) => ({ ...row, key: index }))}
                data-testid="preview-sample"
                columns={[
                  {
                    key: 'phone',
                    title: t('members.phone'),
                    dataIndex: 'phoneMasked',
                    className: styles.phone,
                  },
                  { key: 'name', title: t('members.name'), dataIndex: 'name', ellipsis: true },
                  {
                    key: 'stratum',
                    title: t('outreach.preview.segment'),
                    ellipsis: true,
                    render: (_, row) => <Tag>{stratumName(t, row.stratum)}</Tag>,
                  },
                  {
                    key: 'lastVisit',
                    title: t('outreach.preview.lastVisit'),
                    render: (_, row) => row.lastVisit ?? t('outreach.preview.neverVisited'),
                    className: styles.nowrap,
                  },
                ]}
              />
            </>
          )}
          <Typography.Text type="secondary" className={styles.asOf}>
            {t('outreach.preview.asOf', { day: data.asOf })}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
