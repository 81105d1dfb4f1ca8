import { App, Button, Checkbox, Form, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../src-shared/contract';
import { useApiMutation } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { ProductSelect } from '../../ui/ProductSelect';
import { PrinterSelect, usePrinterChoice } from '../printing/PrinterSelect';
import { PRINT_PANEL_WIDTH, PrintSlipsPanel } from '../printing/PrintSlipsPanel';
import { cashbackCodeSlip, useSlipContext } from '../printing/slip-context';

type CashbackCode = OutputOf<'cashback.requestCode'>;

interface SlipFormValues {
  productId: string;
  printNow: boolean;
  printerId?: string;
}

/**
 * A cashback slip from the back office (when the POS cannot print one): a code for the sold
 * product at this till, its preview, and printing it, again as 补打 if the first one jammed.
 */
export function CashbackSlipDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<SlipFormValues>();
  const requestCode = useApiMutation('cashback.requestCode', { invalidates: ['audit.list'] });
  const slipContext = useSlipContext();
  const { preferred } = usePrinterChoice();
  const printNow = Form.useWatch('printNow', form);
  const [issued, setIssued] = useState<{ code: CashbackCode; printerId?: string } | null>(null);

  const submit = async ({ productId, printNow, printerId }: SlipFormValues) => {
    try {
      const code = await requestCode.mutateAsync({
        productId,
        print: printNow ? { printerId } : undefined,
      });
      setIssued({ code, printerId: printNow ? printerId : undefined });
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      title={t('cashbackSlip.title')}
      onCancel={onClose}
      width={issued ? PRINT_PANEL_WIDTH : 520}
      destroyOnHidden
      footer={
        <Space>
          <Button size="large" onClick={onClose}>
            {issued ? t('common.close') : t('common.cancel')}
          </Button>
          {!issued && (
            <Button
              size="large"
              type="primary"
              loading={requestCode.isPending}
              onClick={() => form.submit()}
            >
              {t('cashbackSlip.request')}
            </Button>
          )}
        </Space>
      }
    >
      {issued ? (
        <PrintSlipsPanel
          kind="cashback"
          codes={[issued.code.code]}
          jobId={issued.code.printJobId}
          printerId={issued.printerId}
          slipOf={(options) => cashbackCodeSlip(options, slipContext, issued.code)}
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ printNow: true }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="productId"
            label={t('cashbackSlip.product')}
            extra={t('cashbackSlip.productHelp')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <ProductSelect size="large" autoFocus />
          </Form.Item>
          <Form.Item name="printNow" valuePropName="checked">
            <Checkbox>{t('cashbackSlip.printNow')}</Checkbox>
          </Form.Item>
          {printNow && (
            <Form.Item
              name="printerId"
              label={t('printSlips.printer')}
              initialValue={preferred?.id}
              rules={[{ required: true, message: t('printSlips.noPrinter') }]}
            >
              <PrinterSelect size="large" />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
