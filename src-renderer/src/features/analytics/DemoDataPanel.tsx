import { ExperimentOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalyticsJob } from '../../../../src-shared/contract/analytics';
import { useApiMutation } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { JobProgress } from './JobProgress';
import styles from './AnalyticsPage.module.css';

/**
 * The dashboard before the first sale: what will be here, and for the owner a button that fills
 * the shop with a demo merchant (180 days of sales and redemptions) to see the charts at work.
 */
export function DemoDataPanel({ job }: { job: AnalyticsJob | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { staff } = useCurrentSession();
  const generate = useApiMutation('demo.generate', { invalidates: ['analytics.status'] });
  const running = job?.task === 'demo' && job.status === 'running';

  const start = async () => {
    try {
      await generate.mutateAsync({});
    } catch (error) {
      message.error(errorText(error));
    }
  };

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
            loading={generate.isPending || running}
            onClick={() => void start()}
          >
            {t('analytics.demo.generate')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('analytics.demo.ownerOnly')}</Typography.Text>
        )}
        {job?.task === 'demo' && <JobProgress job={job} />}
      </Empty>
    </Card>
  );
}
