import { Alert, App, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-shared/money';
import type { Task } from '../../../../src-shared/sync/tasks';
import { fenToYuanText, optionalYuanToFen, yuanSchema } from '../../forms/money';
import { useZodRule } from '../../forms/use-zod-rule';
import { YuanInput } from '../../forms/YuanInput';
import { useErrorText } from '../../i18n/error-text';
import { useFundTask } from './tasks-queries';
import styles from './TasksPage.module.css';

interface FundValues {
  provider: 'fake' | 'manual';
  amountYuan: string;
}

/** What the pool lacks to cover every place left (what the cloud asks for by default). */
export const lackingFen = (task: Task) =>
  Math.max(0, task.placesLeft * task.reward.valueFen - task.pool.available - task.pool.pending);

/**
 * 充值: money into the task's pool through a payment provider. 模拟支付 (fake) confirms at once;
 * 线下转账 (manual) waits for the operator, who matches the transfer by the reference shown here.
 */
export function FundTaskModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rule = useZodRule();
  const [form] = Form.useForm<FundValues>();
  const fund = useFundTask();
  const lacking = lackingFen(task);
  const provider = Form.useWatch('provider', form) ?? 'manual';
  /** A manual transfer asked for: its amount and the reference the operator matches. */
  const [awaiting, setAwaiting] = useState<{ amountFen: number; reference: string } | null>(null);

  const submit = async (values: FundValues) => {
    try {
      const { payment } = await fund.mutateAsync({
        taskId: task.id,
        provider: values.provider,
        amountFen: optionalYuanToFen(values.amountYuan) ?? undefined,
      });
      if (payment.status === 'confirmed') {
        message.success(t('tasks.fund.done', { amount: formatFen(payment.amountFen) }));
        onClose();
      } else setAwaiting({ amountFen: payment.amountFen, reference: payment.reference });
    } catch (error) {
      message.error(errorText(error));
    }
  };

  if (awaiting)
    return (
      <Modal
        open
        title={t('tasks.fund.manualTitle', { amount: formatFen(awaiting.amountFen) })}
        okText={t('common.close')}
        onOk={onClose}
        onCancel={onClose}
        cancelButtonProps={{ style: { display: 'none' } }}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('tasks.fund.manualText')}</Typography.Paragraph>
        <Typography.Paragraph>
          {t('tasks.fund.reference')}：
          <Typography.Text
            strong
            className={styles.reference}
            data-testid="payment-reference"
            copyable={{
              text: awaiting.reference,
              tooltips: [t('tasks.fund.copy'), t('tasks.fund.copied')],
            }}
          >
            {awaiting.reference}
          </Typography.Text>
        </Typography.Paragraph>
      </Modal>
    );

  return (
    <Modal
      open
      title={t('tasks.fund.title', { title: task.title })}
      okText={t('tasks.fund.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={fund.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ provider: 'manual', amountYuan: lacking ? fenToYuanText(lacking) : '' }}
        onFinish={(values) => void submit(values)}
        data-testid="fund-form"
      >
        {lacking === 0 && (
          <Alert
            type="success"
            showIcon
            className={styles.failures}
            title={t('tasks.fund.covered', { available: formatFen(task.pool.available) })}
          />
        )}
        <Form.Item
          name="provider"
          label={t('tasks.fund.provider')}
          extra={t(`tasks.fund.providerHelp.${provider}`)}
        >
          <Radio.Group optionType="button" buttonStyle="solid">
            <Radio.Button value="manual">{t('tasks.fund.providers.manual')}</Radio.Button>
            <Radio.Button value="fake">{t('tasks.fund.providers.fake')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('tasks.fund.amount')}
          extra={lacking ? t('tasks.fund.amountHelp', { lacking: formatFen(lacking) }) : undefined}
          rules={[rule(yuanSchema({ optional: true, positive: true }))]}
        >
          <YuanInput placeholder="0.00" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
