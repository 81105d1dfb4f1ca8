import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouponTemplate } from '../../../../src-shared/contract/coupons';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useCatalogue } from '../../shop-data/catalogue';
import { useStoreTimeZone } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { ApplicationOrderPanel } from './ApplicationOrderPanel';
import { BatchesTable } from './BatchesTable';
import {
  useBatches,
  useBatchProgress,
  useSetTemplateStatus,
  useTemplates,
} from './coupons-queries';
import { IssueDialog } from './IssueDialog';
import { TemplateFormDrawer } from './TemplateFormDrawer';
import { ShareTreeDrawer } from './ShareTreeDrawer';
import { TemplatesTable, type TemplateAction } from './TemplatesTable';
import styles from './CouponsPage.module.css';

type OpenDialog =
  | { kind: 'form'; template: CouponTemplate | null }
  | { kind: 'issue'; template: CouponTemplate }
  | { kind: 'shares'; template: CouponTemplate };

/** Coupon templates (set up, start, pause, end, issue) and the batches issued from them. */
export function CouponsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { storeId } = useCurrentSession();
  const timeZone = useStoreTimeZone(storeId);
  const templates = useTemplates();
  const batches = useBatches();
  const catalogue = useCatalogue();
  const progressOf = useBatchProgress();
  const setStatus = useSetTemplateStatus();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);

  const productNames = useMemo(
    () => new Map(catalogue.data?.map((product) => [product.id, product.name])),
    [catalogue.data],
  );
  const productName = (id: string) => productNames.get(id) ?? t('products.unknown');

  const onAction = async (action: TemplateAction, template: CouponTemplate) => {
    if (action === 'edit') return setDialog({ kind: 'form', template });
    if (action === 'issue') return setDialog({ kind: 'issue', template });
    if (action === 'shares') return setDialog({ kind: 'shares', template });
    try {
      await setStatus.mutateAsync({ id: template.id, status: action });
      message.success(t(`coupons.statusChanged.${action}`, { name: template.name }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <div className={styles.page}>
      <PageHeader
        title={t('coupons.title')}
        subtitle={t('coupons.subtitle')}
        extra={
          <Button
            type="primary"
            size="large"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'form', template: null })}
          >
            {t('coupons.add')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: 'templates',
              label: t('coupons.tabs.templates'),
              children: templates.isError ? (
                <Alert type="error" showIcon title={errorText(templates.error)} />
              ) : (
                <TemplatesTable
                  templates={templates.data}
                  loading={templates.isPending}
                  productName={productName}
                  onAction={(action, template) => void onAction(action, template)}
                />
              ),
            },
            {
              key: 'batches',
              label: t('coupons.tabs.batches'),
              children: (
                <BatchesTable
                  batches={batches.data}
                  loading={batches.isPending}
                  timeZone={timeZone}
                  progressOf={progressOf}
                />
              ),
            },
          ]}
        />
      </Card>
      <ApplicationOrderPanel />
      {dialog?.kind === 'form' && (
        <TemplateFormDrawer editing={dialog.template} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'shares' && (
        <ShareTreeDrawer template={dialog.template} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'issue' && (
        <IssueDialog
          template={dialog.template}
          batches={batches.data ?? []}
          progressOf={progressOf}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
