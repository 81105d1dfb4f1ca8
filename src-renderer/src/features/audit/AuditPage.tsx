import {
  Alert,
  Button,
  Card,
  Empty,
  Popover,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src-shared/contract/audit';
import { DEFAULT_TIME_ZONE } from '../../../../src-shared/validation';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStores, useStoreTimeZone } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { useStaffList } from '../staff/staff-queries';
import { describeTarget, detailLines, type AuditNames } from './audit-format';
import { auditSentence } from './audit-sentence';
import { useAuditLog, type AuditFilters } from './audit-queries';
import { AuditFiltersBar } from './AuditFiltersBar';
import styles from './AuditPage.module.css';

/** Who did what, when, and at which till. */
export function AuditPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { storeId } = useCurrentSession();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const staff = useStaffList(true);
  const stores = useStores();
  const timeZone = useStoreTimeZone(storeId);

  const names = useMemo<AuditNames>(
    () => ({
      staff: new Map(staff.data?.map((person) => [person.id, person.name])),
      stores: new Map(stores.data?.map((store) => [store.id, store.name])),
      terminals: new Map(
        stores.data?.flatMap((store) => store.terminals.map((tm) => [tm.id, tm.code] as const)),
      ),
    }),
    [staff.data, stores.data],
  );
  const timeZoneOf = (entry: AuditEntry) =>
    stores.data?.find((store) => store.id === entry.storeId)?.timezone ?? DEFAULT_TIME_ZONE;
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'time',
      title: t('audit.time'),
      width: 190,
      render: (_, entry) => dayjs(entry.at).tz(timeZoneOf(entry)).format(t('formats.dateTime')),
    },
    {
      key: 'staff',
      title: t('audit.staff'),
      width: 130,
      render: (_, entry) => entry.staffName ?? t('common.empty'),
    },
    {
      key: 'terminal',
      title: t('audit.terminal'),
      width: 100,
      render: (_, entry) =>
        entry.terminalCode ? <Tag>{entry.terminalCode}</Tag> : t('common.empty'),
    },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_, entry) => <Typography.Text>{auditSentence(t, entry, names)}</Typography.Text>,
    },
    {
      key: 'details',
      title: t('audit.details'),
      width: 90,
      render: (_, entry) => (
        <Popover
          trigger="click"
          title={t('audit.technical')}
          content={<TechnicalDetails entry={entry} names={names} />}
        >
          <Button type="link" size="small">
            {t('audit.details')}
          </Button>
        </Popover>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        <AuditFiltersBar
          filters={filters}
          onChange={setFilters}
          staff={staff.data ?? []}
          stores={stores.data ?? []}
          timeZone={timeZone}
        />
        {log.isError && <Alert type="error" showIcon title={errorText(log.error)} />}
        <Table
          rowKey="id"
          columns={columns}
          dataSource={entries}
          loading={log.isPending}
          pagination={false}
          locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
        />
        <div className={styles.footer}>
          <Typography.Text type="secondary">
            {log.hasNextPage
              ? t('audit.loaded', { count: entries.length })
              : t('audit.noMore', { count: entries.length })}
            {' · '}
            {t('audit.timeZoneNote')}
          </Typography.Text>
          {log.hasNextPage && (
            <Button
              size="large"
              loading={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {t('audit.loadMore')}
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}

/** What a support call needs and a shop owner does not: the action's name, target and ids. */
function TechnicalDetails({ entry, names }: { entry: AuditEntry; names: AuditNames }) {
  const { t } = useTranslation();
  const lines = detailLines(t, entry.details, names);
  return (
    <div className={styles.technical}>
      <Typography.Text strong>
        {t(`actions.${entry.action}`, { defaultValue: entry.action })}
      </Typography.Text>
      {entry.targetType && <div>{describeTarget(t, entry, names)}</div>}
      {entry.targetId && (
        <Typography.Text type="secondary" copyable>
          {t('audit.detail', { label: t('audit.targetId'), value: entry.targetId })}
        </Typography.Text>
      )}
      {lines.length ? (
        lines.map((line) => <div key={line}>{line}</div>)
      ) : (
        <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>
      )}
    </div>
  );
}
