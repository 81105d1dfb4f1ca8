import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  printerFieldsSchema,
  type Printer,
  type UsbDevice,
} from '../../../../src-shared/contract/printing';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useZodRule } from '../../forms/use-zod-rule';
import { useErrorText } from '../../i18n/error-text';
import {
  NEW_PRINTER,
  formValuesOf,
  printerFieldsOf,
  usbKey,
  usbLabel,
  type PrinterFormValues,
} from './printer-form';
import { addressOf } from './printer-status';
import { useCreatePrinter, useUpdatePrinter, useUsbDevices } from './printing-queries';

const fields = printerFieldsSchema.shape;

interface PrinterFormModalProps {
  /** null: add a printer. */
  editing: Printer | null;
  onClose: () => void;
}

/** Add or edit a printer: how it is connected, its paper, copies and cut. */
export function PrinterFormModal({ editing, onClose }: PrinterFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rule = useZodRule();
  const [form] = Form.useForm<PrinterFormValues>();
  const kind = Form.useWatch('kind', form) ?? editing?.transport.kind ?? 'tcp';
  const create = useCreatePrinter();
  const update = useUpdatePrinter();

  const save = async (values: PrinterFormValues) => {
    try {
      const input = printerFieldsOf(values);
      if (editing) await update.mutateAsync({ id: editing.id, ...input });
      else await create.mutateAsync(input);
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      const fieldOf = (path: (string | number)[]) =>
        path[0] === 'transport' ? [transportField(String(path[1]))] : path;
      if (!showErrorOnFields(form, t, error, {}, fieldOf)) message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      title={editing ? t('printing.editTitle', { name: editing.name }) : t('printing.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={560}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ? formValuesOf(editing) : NEW_PRINTER}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="name" label={t('printing.name')} rules={[rule(fields.name)]}>
          <Input placeholder={t('printing.namePlaceholder')} maxLength={40} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('printing.transport')}>
          <Radio.Group optionType="button" buttonStyle="solid">
            <Radio.Button value="tcp">{t('printing.kind.tcp')}</Radio.Button>
            <Radio.Button value="usb">{t('printing.kind.usb')}</Radio.Button>
            <Radio.Button value="file">{t('printing.kind.file')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {kind === 'tcp' && (
          <Space align="start" style={{ width: '100%' }}>
            <Form.Item
              name="host"
              label={t('printing.host')}
              extra={t('printing.hostHelp')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
              style={{ width: 320 }}
            >
              <Input placeholder="192.168.1.200" inputMode="decimal" />
            </Form.Item>
            <Form.Item
              name="port"
              label={t('printing.port')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber min={1} max={65535} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Space>
        )}
        {kind === 'usb' && <UsbDeviceField current={editing?.transport} />}
        {kind === 'file' && (
          <Form.Item
            name="path"
            label={t('printing.path')}
            extra={t('printing.pathHelp')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input placeholder="/dev/usb/lp0" />
          </Form.Item>
        )}
        <Form.Item name="widthMm" label={t('printing.width')} extra={t('printing.widthHelp')}>
          <Radio.Group optionType="button" buttonStyle="solid">
            <Radio.Button value={58}>
              {t('printing.widthOption', { mm: 58, columns: 32 })}
            </Radio.Button>
            <Radio.Button value={80}>
              {t('printing.widthOption', { mm: 80, columns: 48 })}
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item name="copies" label={t('printing.copies')} rules={[rule(fields.copies)]}>
            <InputNumber min={1} max={5} precision={0} suffix={t('printing.copiesUnit')} />
          </Form.Item>
          <Form.Item name="cut" label={t('printing.cut')}>
            <Select
              style={{ width: 200 }}
              options={(['full', 'partial', 'none'] as const).map((value) => ({
                value,
                label: t(`printing.cutMode.${value}`),
              }))}
            />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** Where a transport problem from the server is shown. */
const transportField = (key: string) => (key === 'vendorId' || key === 'productId' ? 'usb' : key);

/** The USB printers plugged in now; the list follows plugging and unplugging. */
function UsbDeviceField({ current }: { current: Printer['transport'] | undefined }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const devices = useUsbDevices();
  const found = devices.data ?? [];
  const sameModel = (device: UsbDevice) =>
    found.filter((one) => one.vendorId === device.vendorId && one.productId === device.productId)
      .length;
  const options = found.map((device) => ({
    value: usbKey({ ...device, path: sameModel(device) > 1 ? device.path : undefined }),
    label: usbLabel(device),
  }));
  // A saved printer that is unplugged now stays selectable, marked as not connected.
  if (current?.kind === 'usb' && !options.some((option) => option.value === usbKey(current)))
    options.push({
      value: usbKey(current),
      label: t('printing.usbNotConnected', { id: addressOf({ transport: current }) }),
    });
  return (
    <Form.Item
      label={t('printing.usbDevice')}
      extra={
        devices.isError
          ? errorText(devices.error)
          : devices.data?.length === 0
            ? t('printing.usbNone')
            : t('printing.usbHelp')
      }
      required
    >
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name="usb" noStyle rules={[{ required: true, message: t('printing.usbPick') }]}>
          <Select
            loading={devices.isFetching}
            options={options}
            placeholder={t('printing.usbPick')}
            aria-label={t('printing.usbDevice')}
          />
        </Form.Item>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void devices.refetch()}
          aria-label={t('printing.usbRefresh')}
        />
      </Space.Compact>
    </Form.Item>
  );
}
