import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { storesMethods, type Store, type Terminal } from '../../../../src-shared/contract/stores';
import { blankToUndefined } from '../../forms/blank';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useZodRule } from '../../forms/use-zod-rule';
import { useErrorText } from '../../i18n/error-text';
import { useCreateTerminal, useUpdateTerminal } from './stores-queries';

const fields = storesMethods['terminals.create'].input.shape;

interface TerminalFormModalProps {
  store: Store;
  /** null: add a till to the store. */
  renaming: Terminal | null;
  onClose: () => void;
}

/** Add a till to a store, or rename one. */
export function TerminalFormModal({ store, renaming, onClose }: TerminalFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rule = useZodRule();
  const [form] = Form.useForm<{ code?: string; name: string }>();
  const create = useCreateTerminal();
  const update = useUpdateTerminal();

  const save = async (values: { code?: string; name: string }) => {
    try {
      if (renaming) {
        await update.mutateAsync({ id: renaming.id, name: values.name });
        message.success(t('common.saved'));
      } else {
        const terminal = await create.mutateAsync({
          storeId: store.id,
          name: values.name,
          code: blankToUndefined(values.code),
        });
        message.success(t('stores.terminalCreated', { code: terminal.code }));
      }
      onClose();
    } catch (error) {
      if (!showErrorOnFields(form, t, error, { DUPLICATE_CODE: ['code'] }))
        message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      title={
        renaming
          ? t('stores.renameTerminalTitle', { code: renaming.code })
          : t('stores.addTerminalTitle', { store: store.name })
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={480}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={renaming ? { name: renaming.name } : {}}
        onFinish={(values) => void save(values)}
      >
        {!renaming && (
          <Form.Item
            name="code"
            label={t('stores.terminalCode')}
            extra={t('stores.terminalCodeHelp')}
            rules={[rule(fields.code, { toInput: blankToUndefined })]}
          >
            <Input maxLength={8} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('stores.terminalName')} rules={[rule(fields.name)]}>
          <Input placeholder={t('stores.terminalNamePlaceholder')} maxLength={32} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
