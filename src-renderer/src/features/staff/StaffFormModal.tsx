import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../src-shared/contract';
import { roleSchema, type Staff } from '../../../../src-shared/contract/staff';
import { personNameSchema } from '../../../../src-shared/validation';
import { PinFields } from '../../forms/PinFields';
import { showErrorOnFields } from '../../forms/show-error-on-fields';
import { useZodRule } from '../../forms/use-zod-rule';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStores } from '../../shop-data/stores';
import { assignableRoles } from './staff-permissions';
import { useCreateStaff, useUpdateStaff } from './staff-queries';

interface StaffFormValues {
  name: string;
  role: Role;
  /** undefined = any store (the select's placeholder says so). */
  storeId?: string;
  pin?: string;
  pinConfirm?: string;
}

interface StaffFormModalProps {
  /** null: add someone new. */
  editing: Staff | null;
  onClose: () => void;
}

/** Add a staff member (with a PIN) or change one's name, role or home store. */
export function StaffFormModal({ editing, onClose }: StaffFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rule = useZodRule();
  const { staff: me } = useCurrentSession();
  const [form] = Form.useForm<StaffFormValues>();
  const stores = useStores();
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const roles = assignableRoles(me.role);
  const editingSelf = editing?.id === me.id;

  const save = async (values: StaffFormValues) => {
    const storeId = values.storeId ?? null;
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, name: values.name, role: values.role, storeId });
        message.success(t('common.saved'));
      } else {
        await create.mutateAsync({
          name: values.name,
          role: values.role,
          storeId,
          pin: values.pin!,
        });
        message.success(t('staff.created', { name: values.name }));
      }
      onClose();
    } catch (error) {
      if (!showErrorOnFields(form, t, error, { DUPLICATE_NAME: ['name'] }))
        message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      title={editing ? t('staff.editTitle', { name: editing.name }) : t('staff.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={600}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={
          editing
            ? { name: editing.name, role: editing.role, storeId: editing.storeId ?? undefined }
            : { role: 'cashier' }
        }
      >
        <Form.Item name="name" label={t('staff.name')} rules={[rule(personNameSchema)]}>
          <Input placeholder={t('staff.namePlaceholder')} maxLength={32} autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="role"
              label={t('staff.role')}
              rules={[rule(roleSchema)]}
              extra={me.role === 'manager' ? t('staff.roleManagerHint') : undefined}
            >
              <Select
                disabled={editingSelf}
                options={(editingSelf ? [me.role] : roles).map((role) => ({
                  value: role,
                  label: t(`roles.${role}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="storeId" label={t('staff.store')}>
              <Select
                allowClear
                placeholder={t('staff.allStores')}
                loading={stores.isPending}
                options={stores.data?.map((store) => ({ value: store.id, label: store.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {!editing && <PinFields name={['pin']} confirmName={['pinConfirm']} />}
      </Form>
    </Modal>
  );
}
