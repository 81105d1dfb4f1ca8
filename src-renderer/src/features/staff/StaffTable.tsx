import { LockOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../../src-shared/contract/staff';
import { useCurrentSession } from '../../session/session-context';
import { useStores, useStoreTimeZone } from '../../shop-data/stores';
import { RoleTag } from '../../ui/RoleTag';
import { StaffAvatar } from '../../ui/StaffAvatar';
import { mayManage } from './staff-permissions';
import styles from './StaffTable.module.css';

export type StaffAction = 'edit' | 'resetPin' | 'deactivate' | 'reactivate';

interface StaffTableProps {
  staff: Staff[] | undefined;
  loading: boolean;
  onAction: (action: StaffAction, person: Staff) => void;
}

const isLocked = (person: Staff) => person.lockedUntil !== null && person.lockedUntil > Date.now();

export function StaffTable({ staff, loading, onAction }: StaffTableProps) {
  const { t } = useTranslation();
  const { staff: me, storeId } = useCurrentSession();
  const stores = useStores();
  const timeZone = useStoreTimeZone(storeId);
  const storeName = (id: string | null) =>
    (id && stores.data?.find((store) => store.id === id)?.name) || t('staff.allStores');

  const columns: TableColumnsType<Staff> = [
    {
      key: 'name',
      title: t('staff.name'),
      render: (_, person) => (
        <Space>
          <StaffAvatar name={person.name} role={person.role} size={36} />
          <Typography.Text strong>{person.name}</Typography.Text>
          {person.id === me.id && <Tag>{t('common.me')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'role',
      title: t('staff.role'),
      width: 120,
      render: (_, person) => <RoleTag role={person.role} />,
    },
    { key: 'store', title: t('staff.store'), render: (_, person) => storeName(person.storeId) },
    {
      key: 'status',
      title: t('staff.status'),
      width: 170,
      render: (_, person) => (
        <Space size={4}>
          {person.active ? (
            <Badge status="success" text={t('staff.active')} />
          ) : (
            <Badge status="default" text={t('staff.inactive')} />
          )}
          {isLocked(person) && (
            <Tag color="red" icon={<LockOutlined />}>
              {t('staff.locked')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      key: 'lastLogin',
      title: t('staff.lastLogin'),
      width: 180,
      render: (_, person) =>
        person.lastLoginAt ? (
          dayjs(person.lastLoginAt).tz(timeZone).format(t('formats.dateTime'))
        ) : (
          <Typography.Text type="secondary">{t('staff.never')}</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 340,
      render: (_, person) =>
        mayManage(me, person) && (
          <Space size={0}>
            <Button type="link" onClick={() => onAction('edit', person)}>
              {t('common.edit')}
            </Button>
            <Button type="link" onClick={() => onAction('resetPin', person)}>
              {t('staff.resetPin')}
            </Button>
            {person.id !== me.id &&
              (person.active ? (
                <Button type="link" danger onClick={() => onAction('deactivate', person)}>
                  {t('staff.deactivate')}
                </Button>
              ) : (
                <Button type="link" onClick={() => onAction('reactivate', person)}>
                  {t('staff.reactivate')}
                </Button>
              ))}
          </Space>
        ),
    },
  ];

  return (
    <Table
      rowKey="id"
      columns={columns}
      dataSource={staff}
      loading={loading}
      pagination={false}
      rowClassName={(person) => (person.active ? '' : (styles.inactiveRow ?? ''))}
      locale={{ emptyText: <Empty description={t('staff.empty')} /> }}
    />
  );
}
