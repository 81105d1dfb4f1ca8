import {
  Button,
  Empty,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { CouponTemplate } from '../../../../src-shared/contract/coupons';
import { Money } from '../../ui/Money';
import { budgetText, budgetUsed, ruleSummary, TYPE_COLORS, validityText } from './rule-summary';
import { mayIssue, NEXT_STATUSES, STATUS_COLORS, type TemplateStatus } from './template-status';
import styles from './CouponsPage.module.css';

export type TemplateAction = 'edit' | 'issue' | 'shares' | TemplateStatus;

interface TemplatesTableProps {
  templates: CouponTemplate[] | undefined;
  loading: boolean;
  productName: (id: string) => string;
  onAction: (action: TemplateAction, template: CouponTemplate) => void;
}

/** The verb for moving a template to a status: 启用 (also from paused), 暂停, 结束. */
const STATUS_VERBS = {
  active: 'coupons.actions.activate',
  paused: 'coupons.actions.pause',
  ended: 'coupons.actions.end',
} as const;

export function TemplatesTable({ templates, loading, productName, onAction }: TemplatesTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CouponTemplate> = [
    {
      key: 'name',
      title: t('coupons.columns.name'),
      render: (_, template) => (
        <div className={styles.nameCell}>
          <Space size={6}>
            <Tag color={TYPE_COLORS[template.type]} variant="filled">
              {t(`coupons.types.${template.type}`)}
            </Tag>
            <Typography.Text strong>{template.name}</Typography.Text>
          </Space>
          <Typography.Text className={styles.summary}>
            {ruleSummary(t, template.rule, productName)}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'validity',
      title: t('coupons.columns.validity'),
      width: 210,
      render: (_, template) => validityText(t, template.validity),
    },
    {
      key: 'status',
      title: t('common.status'),
      width: 90,
      render: (_, template) => (
        <Tag color={STATUS_COLORS[template.status]}>{t(`coupons.status.${template.status}`)}</Tag>
      ),
    },
    {
      key: 'counts',
      title: t('coupons.columns.counts'),
      width: 160,
      render: (_, template) => (
        <div className={styles.counts}>
          <span>
            {t('coupons.columns.issuedRedeemed', {
              issued: template.issuedCount,
              redeemed: template.redeemedCount,
            })}
          </span>
          {template.claimedCount > 0 && (
            <span data-testid="template-claimed">
              {t('coupons.columns.claimed', { claimed: template.claimedCount })}
            </span>
          )}
          <Typography.Text type="secondary">
            {t('coupons.columns.discounted')} <Money fen={template.redeemedFen} />
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'budget',
      title: t('coupons.columns.budget'),
      width: 140,
      render: (_, template) => {
        const used = budgetUsed(template);
        if (used === null)
          return <Typography.Text type="secondary">{t('coupons.budget.none')}</Typography.Text>;
        return (
          <div>
            <Progress
              percent={Math.round(used * 100)}
              size="small"
              status={used >= 1 ? 'exception' : 'normal'}
            />
            <Typography.Text type="secondary" className={styles.budgetText}>
              {budgetText(t, template)}
            </Typography.Text>
          </div>
        );
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 190,
      render: (_, template) => (
        <Space size={[4, 0]} wrap className={styles.actions}>
          {mayIssue(template) && (
            <Button type="link" onClick={() => onAction('issue', template)}>
              {t('coupons.actions.issue')}
            </Button>
          )}
          {NEXT_STATUSES[template.status].map((status) =>
            status === 'ended' ? (
              <Popconfirm
                key={status}
                title={t('coupons.actions.confirmEnd', { name: template.name })}
                okText={t(STATUS_VERBS.ended)}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onAction(status, template)}
              >
                <Button type="link" danger>
                  {t(STATUS_VERBS.ended)}
                </Button>
              </Popconfirm>
            ) : (
              <Button key={status} type="link" onClick={() => onAction(status, template)}>
                {t(STATUS_VERBS[status as keyof typeof STATUS_VERBS])}
              </Button>
            ),
          )}
          {template.share.mode !== 'none' && (
            <Button type="link" onClick={() => onAction('shares', template)}>
              {t('coupons.actions.shares')}
            </Button>
          )}
          {template.status !== 'ended' && (
            <Button type="link" onClick={() => onAction('edit', template)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table
      rowKey="id"
      columns={columns}
      dataSource={templates}
      loading={loading}
      pagination={false}
      rowClassName={(template) => (template.status === 'ended' ? (styles.endedRow ?? '') : '')}
      locale={{ emptyText: <Empty description={t('coupons.empty')} /> }}
    />
  );
}
