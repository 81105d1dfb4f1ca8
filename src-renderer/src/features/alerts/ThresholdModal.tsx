import { App, AutoComplete, Col, Form, Modal, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { useCategories } from '../../shop-data/catalogue';
import { useCurrentSession } from '../../session/session-context';
import { useStores } from '../../shop-data/stores';
import { StoreSelect, useDefaultStoreId } from '../../ui/StoreSelect';
import { useSetThresholds, useThresholds } from './alerts-queries';
import { RulePreview } from './RulePreview';
import { ThresholdFields, toThresholdValues, type ThresholdFormValues } from './ThresholdFields';

/** One product in one store (a stock row, an alert). */
export interface ThresholdTarget {
  productId: string;
  productName: string;
  storeId: string;
  storeName: string;
}

/**
 * A product's thresholds in one store: restock at or below the low level; slow-moving when the
 * stock stays above the high level for the given days. Left empty, the category's default holds.
 */
export function ThresholdModal({
  target,
  onClose,
}: {
  target: ThresholdTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<ThresholdFormValues>();
  const thresholds = useThresholds({ storeId: target.storeId, productId: target.productId });
  const setThresholds = useSetThresholds();
  const own = thresholds.data?.find(
    (threshold) => threshold.productId === target.productId && threshold.storeId === target.storeId,
  );

  const save = async (values: ThresholdFormValues) => {
    try {
      await setThresholds.mutateAsync({
        target: { productId: target.productId, storeId: target.storeId },
        ...toThresholdValues(values),
      });
      message.success(t('alerts.thresholds.saved', { name: target.productName }));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('alerts.thresholds.title', { name: target.productName, store: target.storeName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: thresholds.isPending }}
      confirmLoading={setThresholds.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('alerts.thresholds.intro')}</Typography.Paragraph>
      {!thresholds.isPending && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void save(values)}
          initialValues={{
            lowLevel: own?.lowLevel ?? null,
            highLevel: own?.highLevel ?? null,
            slowDays: own?.slowDays ?? null,
          }}
        >
          <ThresholdFields />
          <RulePreview
            storeId={target.storeId}
            storeName={target.storeName}
            productId={target.productId}
          />
        </Form>
      )}
    </Modal>
  );
}

interface CategoryFormValues extends ThresholdFormValues {
  category: string;
  storeId?: string;
}

/** A category's default thresholds, in one store or in every store. */
export function CategoryThresholdModal({
  initial,
  onClose,
}: {
  initial: Partial<CategoryFormValues> | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<CategoryFormValues>();
  const categories = useCategories();
  const setThresholds = useSetThresholds();
  const editing = !!initial?.category;

  const save = async (values: CategoryFormValues) => {
    try {
      await setThresholds.mutateAsync({
        target: { category: values.category, storeId: values.storeId ?? null },
        ...toThresholdValues(values),
      });
      message.success(t('alerts.thresholds.saved', { name: values.category }));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('alerts.thresholds.categoryTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={setThresholds.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{ lowLevel: null, highLevel: null, slowDays: null, ...initial }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="category"
              label={t('alerts.thresholds.category')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <AutoComplete
                disabled={editing}
                options={categories.data
                  ?.filter((entry) => entry.category)
                  .map((entry) => ({ value: entry.category }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="storeId"
              label={t('alerts.thresholds.store')}
              extra={t('alerts.thresholds.storeHelp')}
            >
              <StoreSelect allowAll disabled={editing} />
            </Form.Item>
          </Col>
        </Row>
        <ThresholdFields />
        <CategoryPreview />
      </Form>
    </Modal>
  );
}

/** The category form's preview: in the store picked, else the user's own (or first) store. */
function CategoryPreview() {
  const session = useCurrentSession();
  const fallback = useDefaultStoreId(session.storeId);
  const form = Form.useFormInstance<CategoryFormValues>();
  const category = Form.useWatch('category', form);
  const picked = Form.useWatch('storeId', form);
  const storeId = picked ?? fallback;
  const stores = useStores();
  const storeName = stores.data?.find((store) => store.id === storeId)?.name ?? '';
  return (
    <RulePreview storeId={storeId} storeName={storeName} category={category?.trim() || undefined} />
  );
}
