import { App, DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../../../src-shared/contract/stores';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { PrinterSelect, usePrinterChoice } from './PrinterSelect';
import { usePrintDailySummary } from './printing-queries';

interface SummaryFormValues {
  storeId: string;
  date: Dayjs;
  printerId: string;
}

/** 日结小票: a store's day (issued, redeemed, voided, by cashier) on paper, for the till drawer. */
export function DailySummaryModal({ stores, onClose }: { stores: Store[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { storeId } = useCurrentSession();
  const { preferred } = usePrinterChoice();
  const [form] = Form.useForm<SummaryFormValues>();
  const print = usePrintDailySummary();
  const store = Form.useWatch('storeId', form) ?? storeId ?? stores[0]?.id;
  const timeZone = stores.find((one) => one.id === store)?.timezone;

  const submit = async (values: SummaryFormValues) => {
    try {
      await print.mutateAsync({
        storeId: values.storeId,
        printerId: values.printerId,
        date: values.date.format('YYYY-MM-DD'),
      });
      message.success(t('printing.summary.queued'));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      title={t('printing.summary.title')}
      okText={t('printing.summary.print')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={print.isPending}
      width={440}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          storeId: storeId ?? stores[0]?.id,
          date: timeZone ? dayjs().tz(timeZone) : dayjs(),
          printerId: preferred?.id,
        }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="storeId" label={t('printing.summary.store')} rules={[{ required: true }]}>
          <Select options={stores.map((one) => ({ value: one.id, label: one.name }))} />
        </Form.Item>
        <Form.Item name="date" label={t('printing.summary.date')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="printerId"
          label={t('printSlips.printer')}
          rules={[{ required: true, message: t('printSlips.noPrinter') }]}
        >
          <PrinterSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
