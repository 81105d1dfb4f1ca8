import { OrderedListOutlined } from '@ant-design/icons';
import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateType } from '../../../../src-shared/contract/coupons';
import styles from './ApplicationOrderPanel.module.css';

/**
 * The stages of src-shared/coupons/pricing.ts, in the order they apply: item coupons, then
 * percent, then threshold and voucher together (one stage), gifts last. Cashback codes are paid out, not applied.
 */
const STAGES: { key: string; types: TemplateType[] }[] = [
  { key: 'item', types: ['item'] },
  { key: 'percent', types: ['percent'] },
  { key: 'threshold', types: ['threshold', 'voucher'] },
  { key: 'gift', types: ['gift'] },
];

const STAGE_TEXTS = {
  item: 'applicationOrder.stages.item',
  percent: 'applicationOrder.stages.percent',
  threshold: 'applicationOrder.stages.threshold',
  gift: 'applicationOrder.stages.gift',
} as const;

interface ApplicationOrderPanelProps {
  /** The types of the coupons on the order at hand: their stages are marked. */
  activeTypes?: readonly string[];
  defaultOpen?: boolean;
}

/** How several coupons on one order are worked out, for managers and at the till alike. */
export function ApplicationOrderPanel({
  activeTypes = [],
  defaultOpen = false,
}: ApplicationOrderPanelProps) {
  const { t } = useTranslation();
  const body = (
    <div className={styles.body}>
      <ol className={styles.stages}>
        {STAGES.map((stage, index) => {
          const active = stage.types.some((type) => activeTypes.includes(type));
          return (
            <li key={stage.key} className={active ? styles.activeStage : styles.stage}>
              <span className={styles.number}>{index + 1}</span>
              <span className={styles.stageText}>
                <Typography.Text strong>
                  {stage.types.map((type) => t(`coupons.types.${type}`)).join(' · ')}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t(STAGE_TEXTS[stage.key as keyof typeof STAGE_TEXTS])}
                </Typography.Text>
              </span>
            </li>
          );
        })}
      </ol>
      <ul className={styles.rules}>
        <li>{t('applicationOrder.rules.oneNonStackable')}</li>
        <li>{t('applicationOrder.rules.remaining')}</li>
        <li>{t('applicationOrder.rules.scanOrder')}</li>
        <li>{t('applicationOrder.rules.split')}</li>
      </ul>
    </div>
  );
  return (
    <Collapse
      className={styles.panel}
      defaultActiveKey={defaultOpen ? ['order'] : []}
      items={[
        {
          key: 'order',
          label: (
            <span>
              <OrderedListOutlined /> {t('applicationOrder.title')}
            </span>
          ),
          children: body,
        },
      ]}
    />
  );
}
