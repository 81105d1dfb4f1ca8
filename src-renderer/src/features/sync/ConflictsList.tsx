import { App, Button, Card, Descriptions, Empty, Input, Popconfirm, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../src-shared/contract/sync';
import type { Claim } from '../../../../src-shared/sync/sync';
import { displayCode } from '../../../../src-shared/coupons/codes';
import { maskPhone } from '../../../../src-shared/phone';
import { useErrorText } from '../../i18n/error-text';
import { Money } from '../../ui/Money';
import { useResolveConflict, useSyncConflicts } from './sync-queries';

/** Coupon redemptions and cashback payouts are settled differently: each has its own texts. */
const textsFor = (kind: Claim['kind']) =>
  kind === 'cashback' ? 'sync.conflicts.cashback' : 'sync.conflicts';

function ClaimFacts({ claim, title, color }: { claim: Claim; title: string; color: string }) {
  const { t } = useTranslation();
  const texts = textsFor(claim.kind);
  const at = (ms: number) => dayjs(ms).format(t('formats.dateTime'));
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title={<Tag color={color}>{title}</Tag>}
      style={{ minWidth: 280 }}
    >
      <Descriptions.Item label={t('sync.conflicts.device')}>
        {claim.deviceName ?? t('sync.conflicts.viaCloud')}
      </Descriptions.Item>
      <Descriptions.Item label={t(`${texts}.amount`)}>
        <Money fen={claim.amountFen} />
      </Descriptions.Item>
      <Descriptions.Item label={t('sync.conflicts.phone')}>
        {claim.phone ? maskPhone(claim.phone) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t(`${texts}.claimedAt`)}>{at(claim.claimedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('sync.conflicts.receivedAt')}>
        {at(claim.receivedAt)}
      </Descriptions.Item>
    </Descriptions>
  );
}

function ConflictCard({ conflict }: { conflict: SyncConflict }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const resolve = useResolveConflict();
  const [note, setNote] = useState('');
  const texts = textsFor(conflict.loser.kind);
  const onResolve = async () => {
    try {
      await resolve.mutateAsync({ eventId: conflict.eventId, note });
      message.success(t(`${texts}.resolved`));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Card
      size="small"
      data-testid="sync-conflict"
      data-kind={conflict.loser.kind}
      title={t(`${texts}.cardTitle`, { code: displayCode(conflict.code) })}
      extra={
        <Space>
          <Input
            placeholder={t('sync.conflicts.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={200}
            style={{ width: 220 }}
          />
          <Popconfirm
            title={t(`${texts}.resolveConfirm`)}
            onConfirm={() => void onResolve()}
            okText={t(`${texts}.resolve`)}
            cancelText={t('common.cancel')}
          >
            <Button type="primary" loading={resolve.isPending}>
              {t(`${texts}.resolve`)}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
          gap: 24,
        }}
      >
        <ClaimFacts claim={conflict.winner} title={t(`${texts}.winner`)} color="success" />
        <ClaimFacts claim={conflict.loser} title={t(`${texts}.loser`)} color="error" />
      </div>
    </Card>
  );
}

/** Codes redeemed here that another store claimed first: both sides, and the manager's answer. */
export function ConflictsList() {
  const { t } = useTranslation();
  const conflicts = useSyncConflicts();
  return (
    <Card title={t('sync.conflicts.title')} extra={t('sync.conflicts.explain')}>
      {conflicts.data?.length ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {conflicts.data.map((conflict) => (
            <ConflictCard key={conflict.eventId} conflict={conflict} />
          ))}
        </Space>
      ) : (
        <Empty description={t('sync.conflicts.none')} />
      )}
    </Card>
  );
}
