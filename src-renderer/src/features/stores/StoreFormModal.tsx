import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Store } from '../../../../src-shared/contract/stores';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useErrorText } from '../../i18n/error-text';
import { emptyStoreForm, toStoreFields, type StoreFormValues } from './store-form';
import { StoreFieldItems } from './StoreFieldItems';
import { useCreateStore, useUpdateStore } from './stores-queries';

const formValuesOf = (store: Store): StoreFormValues => ({
  name: store.name,
  code: store.code,
  districtCode: store.districtCode,
  address: store.address,
  lat: store.lat,
  lng: store.lng,
  coordSystem: store.coordSystem,
  businessDistrict: store.businessDistrict,
  timezone: store.timezone,
});

/** Open a store (owner) or edit one; a new store gets its first till, T01, by itself. */
export function StoreFormModal({
  editing,
  onClose,
}: {
  editing: Store | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<StoreFormValues>();
  const create = useCreateStore();
  const update = useUpdateStore();

  const save = async (values: StoreFormValues) => {
    const fields = toStoreFields(values);
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, ...fields });
        message.success(t('common.saved'));
      } else {
        await create.mutateAsync(fields);
        message.success(t('stores.created', { name: fields.name }));
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
      title={editing ? t('stores.editTitle', { name: editing.name }) : t('stores.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={680}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ? formValuesOf(editing) : emptyStoreForm}
        onFinish={(values) => void save(values)}
      >
        <StoreFieldItems showCode />
      </Form>
    </Modal>
  );
}
