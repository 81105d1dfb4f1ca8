import { ExperimentOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalyticsJob } from '../../../../src-shared/contract/analytics';
import { useCurrentSession } from '../../session/session-context';
import { useEnterDemoShop } from '../settings/demo-shop';
import { JobProgress } from './JobProgress';
import styles from './AnalyticsPage.module.css';

/**
 * The dashboard before the first sale: what will be here, and for the owner a button that opens
 * the demo shop (its own data folder, with months of sales) to see the charts at work. Nothing
 * of it ever goes into this shop.
 */
export function DemoDataPanel({ job }: { job: AnalyticsJob | null }) {
  const { t } = useTranslation();
  const { staff } = useCurrentSession();
  const demoShop = useEnterDemoShop();

  return (
    <Card className={styles.demo}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Title level={4}>{t('analytics.demo.title')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('analytics.demo.text')}</Typography.Paragraph>
          </>
        }
      >
        {staff.role === 'owner' ? (
          <Button
            type="primary"
            size="large"
            icon={<ExperimentOutlined />}
            loading={demoShop.entering}
            onClick={demoShop.enter}
          >
            {t('demoShop.open')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('analytics.demo.ownerOnly')}</Typography.Text>
        )}
        {job?.task === 'demo' && <JobProgress job={job} />}
      </Empty>
    </Card>
  );
}
