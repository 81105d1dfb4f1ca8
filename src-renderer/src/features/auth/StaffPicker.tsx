import { LockOutlined } from '@ant-design/icons';
import { Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../src-shared/contract';
import { RoleTag } from '../../ui/RoleTag';
import { StaffAvatar } from '../../ui/StaffAvatar';
import styles from './LoginPage.module.css';

export type LoginOption = OutputOf<'auth.loginOptions'>['staff'][number];

/** Big cards, one per person who may log in here; a locked one says so and cannot be picked. */
export function StaffPicker({
  staff,
  onPick,
}: {
  staff: LoginOption[];
  onPick: (person: LoginOption) => void;
}) {
  const { t } = useTranslation();
  if (staff.length === 0) return <Empty description={t('login.noStaff')} />;
  return (
    <ul className={styles.staffGrid} aria-label={t('login.title')}>
      {staff.map((person) => {
        return (
          <li key={person.id}>
            <button
              type="button"
              className={styles.staffCard}
              disabled={person.locked}
              onClick={() => onPick(person)}
            >
              <StaffAvatar name={person.name} role={person.role} size={64} />
              <Typography.Text strong className={styles.staffName}>
                {person.name}
              </Typography.Text>
              <span>
                <RoleTag role={person.role} />
                {person.locked && (
                  <Tag color="red" icon={<LockOutlined />}>
                    {t('login.locked')}
                  </Tag>
                )}
              </span>
              {person.locked && (
                <Typography.Text type="secondary" className={styles.lockedHint}>
                  {t('login.lockedHint')}
                </Typography.Text>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
