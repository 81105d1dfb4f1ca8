import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../src-shared/contract/staff';
import { useErrorText } from '../../i18n/error-text';
import { PageHeader } from '../../ui/PageHeader';
import { ResetPinModal } from './ResetPinModal';
import { StaffFormModal } from './StaffFormModal';
import { useDeactivateStaff, useReactivateStaff, useStaffList } from './staff-queries';
import { StaffTable, type StaffAction } from './StaffTable';

type OpenForm =
  { kind: 'create' } | { kind: 'edit'; staff: Staff } | { kind: 'resetPin'; staff: Staff };

/** Who may log in, with which role and PIN. */
export function StaffPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [openForm, setOpenForm] = useState<OpenForm | null>(null);
  const staff = useStaffList(includeInactive);
  const deactivate = useDeactivateStaff();
  const reactivate = useReactivateStaff();

  const confirmActiveChange = (person: Staff, activate: boolean) =>
    modal.confirm({
      title: activate
        ? t('staff.confirmReactivate', { name: person.name })
        : t('staff.confirmDeactivate', { name: person.name }),
      okText: activate ? t('staff.reactivate') : t('staff.deactivate'),
      okButtonProps: { danger: !activate },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await (activate ? reactivate : deactivate).mutateAsync({ id: person.id });
          message.success(
            t(activate ? 'staff.reactivated' : 'staff.deactivated', { name: person.name }),
          );
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });

  const onAction = (action: StaffAction, person: Staff) => {
    if (action === 'edit') setOpenForm({ kind: 'edit', staff: person });
    else if (action === 'resetPin') setOpenForm({ kind: 'resetPin', staff: person });
    else confirmActiveChange(person, action === 'reactivate');
  };

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        subtitle={t('staff.subtitle')}
        extra={
          <>
            <label>
              <Switch checked={includeInactive} onChange={setIncludeInactive} />{' '}
              <Typography.Text>{t('staff.showInactive')}</Typography.Text>
            </label>
            <Button
              type="primary"
              size="large"
              icon={<PlusOutlined />}
              onClick={() => setOpenForm({ kind: 'create' })}
            >
              {t('staff.add')}
            </Button>
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        {staff.isError ? (
          <Alert type="error" showIcon title={errorText(staff.error)} />
        ) : (
          <StaffTable staff={staff.data} loading={staff.isPending} onAction={onAction} />
        )}
      </Card>
      {openForm?.kind === 'create' && (
        <StaffFormModal editing={null} onClose={() => setOpenForm(null)} />
      )}
      {openForm?.kind === 'edit' && (
        <StaffFormModal editing={openForm.staff} onClose={() => setOpenForm(null)} />
      )}
      {openForm?.kind === 'resetPin' && (
        <ResetPinModal staff={openForm.staff} onClose={() => setOpenForm(null)} />
      )}
    </>
  );
}
