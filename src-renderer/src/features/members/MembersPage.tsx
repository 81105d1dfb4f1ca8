import { Button, Card, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS, type Role } from '../../../../src-shared/contract';
import type { MemberSummary } from '../../../../src-shared/contract/members';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { MemberDetail } from './MemberDetail';
import { MemberImportWizard } from './MemberImportWizard';
import { MemberSettingsForm } from './MemberSettingsForm';
import { useLevels, useMembers } from './members-queries';
import styles from './Members.module.css';

/** 会员: the list with its search (phone digits, name, pinyin initials, tag, level) and the settings. */
export function MembersPage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHeader title={t('members.title')} subtitle={t('members.subtitle')} />
      <Tabs
        items={[
          { key: 'list', label: t('members.tabs.list'), children: <MemberList /> },
          { key: 'settings', label: t('members.tabs.settings'), children: <MemberSettingsForm /> },
        ]}
      />
    </div>
  );
}

function MemberList() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const timeZone = useStoreTimeZone(session.storeId);
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const [levelId, setLevelId] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  // As the contract: owners and managers import (a cashier's call would be refused anyway).
  const canImport = (MANAGERS as readonly Role[]).includes(session.staff.role);
  const levels = useLevels();
  const members = useMembers({
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(tag.trim() ? { tag: tag.trim() } : {}),
    ...(levelId ? { levelId } : {}),
    limit: 100,
  });
  return (
    <Card>
      <div className={styles.filters}>
        <Input.Search
          allowClear
          placeholder={t('members.search')}
          onSearch={setQ}
          style={{ width: 280 }}
          aria-label={t('members.search')}
        />
        <Input
          allowClear
          placeholder={t('members.tag')}
          value={tag}
          onChange={(event) => setTag(event.target.value)}
          style={{ width: 140 }}
          aria-label={t('members.tag')}
        />
        <Select
          allowClear
          placeholder={t('members.allLevels')}
          value={levelId}
          onChange={setLevelId}
          style={{ width: 160 }}
          options={(levels.data ?? []).map((level) => ({ value: level.id, label: level.name }))}
          aria-label={t('members.level')}
        />
        <Typography.Text type="secondary">
          {t('members.total', { count: members.data?.total ?? 0 })}
        </Typography.Text>
        {canImport && (
          <Button className={styles.importButton} onClick={() => setImporting(true)}>
            {t('memberImport.open')}
          </Button>
        )}
      </div>
      <Table<MemberSummary>
        rowKey="id"
        size="middle"
        loading={members.isPending}
        dataSource={members.data?.items}
        pagination={false}
        locale={{ emptyText: t('members.empty') }}
        onRow={(member) => ({ onClick: () => setOpenId(member.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'phone', title: t('members.phone'), dataIndex: 'phoneMasked' },
          { key: 'name', title: t('members.name'), dataIndex: 'name' },
          {
            key: 'level',
            title: t('members.level'),
            render: (_, member) =>
              member.levelName ? <Tag color="gold">{member.levelName}</Tag> : t('members.noLevel'),
          },
          {
            key: 'tags',
            title: t('members.tags'),
            render: (_, member) => member.tags.map((one) => <Tag key={one}>{one}</Tag>),
          },
          {
            key: 'joined',
            title: t('members.joined'),
            render: (_, member) =>
              dayjs(member.createdAt).tz(timeZone).format(t('formats.dateTime')),
          },
        ]}
      />
      {openId && (
        <MemberDetail memberId={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />
      )}
      {importing && <MemberImportWizard onClose={() => setImporting(false)} />}
    </Card>
  );
}
