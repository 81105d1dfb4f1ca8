import { LockOutlined, SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../src-shared/contract';
import { RoleTag } from '../../ui/RoleTag';
import { StaffAvatar } from '../../ui/StaffAvatar';
import styles from './LoginPage.module.css';

export type LoginOption = OutputOf<'auth.loginOptions'>['staff'][number];

/** From this many people on, the picker offers a search box. */
const SEARCH_FROM = 7;

/**
 * Who may log in here, as the server orders them: this store's staff first, whoever logged in
 * last at the top, as big cards; the chain's other stores below, smaller. A search box finds
 * anyone by name. A locked person says so and cannot be picked.
 */
export function StaffPicker({
  staff,
  onPick,
}: {
  staff: LoginOption[];
  onPick: (person: LoginOption) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  if (staff.length === 0) return <Empty description={t('login.noStaff')} />;
  const wanted = query.trim().toLowerCase();
  const found = wanted ? staff.filter((p) => p.name.toLowerCase().includes(wanted)) : staff;
  const here = wanted ? found : found.filter((p) => p.atThisStore);
  const elsewhere = wanted ? [] : found.filter((p) => !p.atThisStore);
  return (
    <div className={styles.picker}>
      {staff.length >= SEARCH_FROM && (
        <Input
          allowClear
          size="large"
          prefix={<SearchOutlined />}
          placeholder={t('login.search')}
          aria-label={t('login.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className={styles.search}
        />
      )}
      {found.length === 0 && <Empty description={t('login.noMatch')} />}
      <ul className={styles.staffGrid} aria-label={t('login.title')}>
        {here.map((person) => (
          <li key={person.id}>
            <button
              type="button"
              className={styles.staffCard}
              disabled={person.locked}
              onClick={() => onPick(person)}
            >
              <StaffAvatar name={person.name} role={person.role} size={56} />
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
        ))}
      </ul>
      {elsewhere.length > 0 && (
        <>
          <Typography.Text type="secondary" className={styles.elsewhereTitle}>
            {t('login.otherStores', { count: elsewhere.length })}
          </Typography.Text>
          <ul className={styles.elsewhere} aria-label={t('login.otherStoresList')}>
            {elsewhere.map((person) => (
              <li key={person.id}>
                <button
                  type="button"
                  className={styles.smallCard}
                  disabled={person.locked}
                  onClick={() => onPick(person)}
                >
                  <StaffAvatar name={person.name} role={person.role} size={24} />
                  <span>{person.name}</span>
                  {person.locked && <LockOutlined />}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
