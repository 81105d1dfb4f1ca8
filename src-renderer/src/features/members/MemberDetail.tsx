import {
  App,
  Button,
  Descriptions,
  Drawer,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { OutputOf } from '../../../../src-shared/contract';
import { MemberDataSheet } from './MemberDataSheet';
import { MergeLineage, MergeMemberButton } from './MemberMerge';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentPurpose } from '../../../../src-shared/contract/members';
import { useApi } from '../../api/api-context';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStoreTimeZone } from '../../shop-data/stores';
import { Money } from '../../ui/Money';
import {
  useDeleteMember,
  useLevels,
  useMember,
  usePoints,
  usePointsHistory,
  useSetConsent,
  useUpdateMember,
} from './members-queries';
import styles from './Members.module.css';

// With its chart: loaded when a member is opened, not with the app.
const MemberProfileCard = lazy(() => import('./MemberProfileCard'));

/**
 * One member: profile, points (the totals that add up, the lots soonest-expiring first, the
 * movements), consents with their log (each withdrawable), level changes, and merges.
 */
export function MemberDetail({
  memberId,
  onClose,
  onOpen,
}: {
  memberId: string;
  onClose: () => void;
  /** Opens another member (the other side of a merge). */
  onOpen: (memberId: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const session = useCurrentSession();
  const timeZone = useStoreTimeZone(session.storeId);
  const member = useMember(memberId);
  const points = usePoints(memberId);
  const history = usePointsHistory(memberId);
  const setConsent = useSetConsent();
  const remove = useDeleteMember();
  const update = useUpdateMember();
  const levels = useLevels();
  const api = useApi();
  const owner = session.staff.role === 'owner';
  const manager = owner || session.staff.role === 'manager';
  const at = (ms: number) => dayjs(ms).tz(timeZone).format(t('formats.dateTime'));
  const day = (ms: number) => dayjs(ms).tz(timeZone).format('YYYY-MM-DD');
  const m = member.data;
  const b = points.data;

  const toggle = async (purpose: ConsentPurpose, granted: boolean, textShown: string) => {
    try {
      await setConsent.mutateAsync({ memberId, purpose, granted, textShown, source: 'backOffice' });
      message.success(t('members.detail.consentChanged'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  /** 导出资料: everything kept about the member, as a readable sheet and a JSON file (PIPL). */
  const [exported, setExported] = useState<OutputOf<'members.export'> | null>(null);
  const exportData = async () => {
    try {
      setExported(await api.call('members.export', { id: memberId }));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const setLevel = async (levelId: string | null) => {
    try {
      await update.mutateAsync({ id: memberId, levelId });
      message.success(t('members.settings.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const deleteMember = async () => {
    try {
      await remove.mutateAsync({ id: memberId });
      message.success(t('members.detail.deleted'));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <>
      {exported && (
        <MemberDataSheet data={exported} timeZone={timeZone} onClose={() => setExported(null)} />
      )}
      <Drawer
        open
        width={760}
        title={t('members.detail.title')}
        onClose={onClose}
        extra={
          <Space>
            {manager && m && !m.deletedAt && !m.mergedInto && <MergeMemberButton member={m} />}
            <Button onClick={() => void exportData()}>{t('members.detail.export')}</Button>
            {owner && !m?.deletedAt && !m?.mergedInto && (
              <Popconfirm
                title={t('members.detail.deleteConfirm')}
                onConfirm={() => void deleteMember()}
              >
                <Button danger loading={remove.isPending}>
                  {t('members.detail.delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {m && (
          <>
            <MergeLineage member={m} timeZone={timeZone} canUndo={manager} onOpen={onOpen} />
            <Descriptions
              size="small"
              column={2}
              bordered
              title={t('members.detail.profile')}
              items={[
                { key: 'phone', label: t('members.phone'), children: m.phoneMasked },
                { key: 'name', label: t('members.name'), children: m.name || '—' },
                {
                  key: 'level',
                  label: t('members.level'),
                  // Set by hand here (kept as 手动调整); sales raise it on their own.
                  children: (
                    <Select
                      size="small"
                      style={{ minWidth: 120 }}
                      value={m.levelId ?? ''}
                      disabled={!!m.deletedAt || update.isPending}
                      onChange={(levelId: string) => void setLevel(levelId || null)}
                      options={[
                        { value: '', label: t('members.noLevel') },
                        ...(levels.data ?? []).map((level) => ({
                          value: level.id,
                          label: level.name,
                        })),
                      ]}
                      aria-label={t('members.level')}
                    />
                  ),
                },
                {
                  key: 'gender',
                  label: t('members.detail.gender'),
                  children: t(`members.detail.genders.${m.gender}`),
                },
                {
                  key: 'birthday',
                  label: t('members.detail.birthday'),
                  children: m.birthday ?? '—',
                },
                {
                  key: 'qualifying',
                  label: t('members.detail.qualifying'),
                  children: <Money fen={m.qualifyingFen} />,
                },
                {
                  key: 'review',
                  label: t('members.detail.review'),
                  children: m.levelReviewAt ? day(m.levelReviewAt) : '—',
                },
                { key: 'joined', label: t('members.joined'), children: at(m.createdAt) },
                {
                  key: 'tags',
                  label: t('members.tags'),
                  children: m.tags.map((one) => <Tag key={one}>{one}</Tag>),
                },
                { key: 'note', label: t('members.detail.note'), children: m.note || '—' },
              ]}
            />
            {!m.deletedAt && (
              <>
                <Typography.Title level={5}>{t('members.profile.title')}</Typography.Title>
                <Suspense fallback={null}>
                  <MemberProfileCard memberId={memberId} />
                </Suspense>
              </>
            )}
            <Typography.Title level={5}>{t('members.detail.points')}</Typography.Title>
            {b && (
              <div className={styles.stats} data-testid="member-points">
                <Statistic title={t('members.detail.available')} value={b.available} />
                <Statistic title={t('members.detail.pending')} value={b.pending} />
                <Statistic title={t('members.detail.earned')} value={b.earned} />
                <Statistic title={t('members.detail.spent')} value={b.spent} />
                <Statistic title={t('members.detail.expired')} value={b.expired} />
                <Statistic title={t('members.detail.reversed')} value={b.reversed} />
              </div>
            )}
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              title={() => t('members.detail.lots')}
              dataSource={b?.lots}
              columns={[
                {
                  key: 'earnedAt',
                  title: t('members.detail.lotEarned'),
                  render: (_, lot) => at(lot.earnedAt),
                },
                { key: 'points', title: t('members.detail.lotPoints'), dataIndex: 'points' },
                {
                  key: 'remaining',
                  title: t('members.detail.lotRemaining'),
                  dataIndex: 'remaining',
                },
                {
                  key: 'availableAt',
                  title: t('members.detail.lotAvailable'),
                  render: (_, lot) => day(lot.availableAt),
                },
                {
                  key: 'expiresAt',
                  title: t('members.detail.lotExpires'),
                  render: (_, lot) => day(lot.expiresAt),
                },
              ]}
            />
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              title={() => t('members.detail.history')}
              dataSource={history.data?.items}
              columns={[
                { key: 'at', title: t('members.detail.time'), render: (_, move) => at(move.at) },
                {
                  key: 'kind',
                  title: t('members.detail.kind'),
                  render: (_, move) => t(`members.detail.kinds.${move.kind}`),
                },
                {
                  key: 'points',
                  align: 'right',
                  title: '±',
                  render: (_, move) => (move.points > 0 ? `+${move.points}` : move.points),
                },
                {
                  key: 'reason',
                  title: t('members.detail.reason'),
                  render: (_, move) =>
                    t(`members.detail.reasons.${move.reason as 'sale'}`, {
                      defaultValue: move.reason,
                    }),
                },
              ]}
            />
            <Typography.Title level={5}>{t('members.detail.consents')}</Typography.Title>
            <Table
              size="small"
              rowKey="purpose"
              pagination={false}
              dataSource={m.consents}
              columns={[
                {
                  key: 'purpose',
                  render: (_, c) => t(`members.purposes.${c.purpose}`),
                },
                {
                  key: 'granted',
                  render: (_, c) =>
                    c.granted ? (
                      <Tag color="green">{t('members.detail.granted')}</Tag>
                    ) : (
                      <Tag>{t('members.detail.refused')}</Tag>
                    ),
                },
                {
                  key: 'source',
                  render: (_, c) =>
                    `${t(`members.sources.${c.source as 'till'}`, { defaultValue: c.source })} · ${at(c.at)}`,
                },
                {
                  key: 'text',
                  render: (_, c) => (
                    <Typography.Text type="secondary">{c.textShown}</Typography.Text>
                  ),
                },
                {
                  key: 'action',
                  render: (_, c) => (
                    <Button
                      size="small"
                      loading={setConsent.isPending}
                      onClick={() => void toggle(c.purpose, !c.granted, c.textShown)}
                    >
                      {c.granted ? t('members.detail.withdraw') : t('members.detail.grant')}
                    </Button>
                  ),
                },
              ]}
            />
            <Typography.Title level={5}>{t('members.detail.levelHistory')}</Typography.Title>
            <Table
              size="small"
              rowKey="at"
              pagination={false}
              dataSource={m.levelHistory}
              columns={[
                { key: 'at', render: (_, h) => at(h.at) },
                { key: 'reason', render: (_, h) => t(`members.detail.levelReasons.${h.reason}`) },
                {
                  key: 'to',
                  render: (_, h) => `${h.fromLevelName ?? '—'} → ${h.toLevelName ?? '—'}`,
                },
                { key: 'fen', render: (_, h) => <Money fen={h.qualifyingFen} /> },
              ]}
            />
          </>
        )}
      </Drawer>
    </>
  );
}
