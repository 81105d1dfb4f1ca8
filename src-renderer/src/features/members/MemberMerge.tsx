import { Alert, App, Button, Input, List, Modal, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, TillMember } from '../../../../src-shared/contract/members';
import { formatFen } from '../../../../src-shared/money';
import { useErrorText } from '../../i18n/error-text';
import { useLookupMember, useMergeMembers, useUnmergeMember } from './members-queries';

/**
 * The lineage of a member's merges on their page: the member this record was merged into, or
 * the records merged into it, each with its undo while the 30 days run.
 */
export function MergeLineage({
  member,
  timeZone,
  canUndo,
  onOpen,
}: {
  member: Member;
  timeZone: string;
  canUndo: boolean;
  onOpen: (memberId: string) => void;
}) {
  const { t } = useTranslation();
  const undo = useUndo();
  // When the page opened: an undo past its 30 days is offered no more (the core refuses it too).
  const [openedAt] = useState(() => Date.now());
  const day = (ms: number) => dayjs(ms).tz(timeZone).format('YYYY-MM-DD');
  const into = member.mergedInto;
  return (
    <>
      {into && (
        <Alert
          type="info"
          showIcon
          data-testid="merged-into"
          style={{ marginBottom: 12 }}
          message={t('members.merge.mergedInto', {
            phone: into.phoneMasked,
            name: into.name,
            at: day(into.at),
          })}
          action={
            <Space>
              <Button size="small" onClick={() => onOpen(into.memberId)}>
                {t('members.merge.open')}
              </Button>
              {canUndo && openedAt <= into.undoUntil && (
                <UndoButton mergeId={into.mergeId} undo={undo} />
              )}
            </Space>
          }
        />
      )}
      {member.mergedIn.length > 0 && (
        <List
          size="small"
          bordered
          data-testid="merged-in"
          style={{ marginBottom: 12 }}
          header={t('members.merge.mergedInTitle')}
          dataSource={member.mergedIn}
          renderItem={(link) => (
            <List.Item
              actions={[
                <Button key="open" size="small" type="link" onClick={() => onOpen(link.memberId)}>
                  {t('members.merge.open')}
                </Button>,
                ...(canUndo && openedAt <= link.undoUntil
                  ? [<UndoButton key="undo" mergeId={link.mergeId} undo={undo} />]
                  : []),
              ]}
            >
              <Space>
                <span>
                  {link.phoneMasked} {link.name}
                </span>
                <Typography.Text type="secondary">
                  {day(link.at)} · {t('members.merge.undoUntil', { day: day(link.undoUntil) })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

function useUndo() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const unmerge = useUnmergeMember();
  return async (mergeId: string) => {
    try {
      const { returnedPoints } = await unmerge.mutateAsync({ mergeId });
      message.success(t('members.merge.undone', { points: returnedPoints }));
    } catch (error) {
      message.error(errorText(error));
    }
  };
}

function UndoButton({ mergeId, undo }: { mergeId: string; undo: (id: string) => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <Popconfirm title={t('members.merge.undoConfirm')} onConfirm={() => undo(mergeId)}>
      <Button size="small">{t('members.merge.undo')}</Button>
    </Popconfirm>
  );
}

/**
 * 合并会员: the manager types the other phone of the same customer, sees who it finds (with
 * their points), and merges that record into this member.
 */
export function MergeMemberButton({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const lookup = useLookupMember();
  const merge = useMergeMembers();
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [found, setFound] = useState<TillMember | null | 'none'>(null);

  const close = () => {
    setOpen(false);
    setPhone('');
    setReason('');
    setFound(null);
  };
  const find = async () => {
    try {
      const { matches } = await lookup.mutateAsync({ phone });
      setFound(matches[0] ?? 'none');
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const confirm = async () => {
    if (!found || found === 'none') return;
    try {
      const done = await merge.mutateAsync({ keepId: member.id, mergeId: found.id, reason });
      message.success(
        t('members.merge.merged', {
          points: done.movedPoints,
          spend: formatFen(done.movedSpendFen),
        }),
      );
      close();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const other = found && found !== 'none' ? found : null;
  const same = other?.id === member.id;

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('members.merge.button')}</Button>
      <Modal
        open={open}
        title={t('members.merge.title')}
        onCancel={close}
        okText={t('members.merge.confirm')}
        okButtonProps={{ disabled: !other || same, loading: merge.isPending }}
        onOk={() => void confirm()}
      >
        <Typography.Paragraph type="secondary">{t('members.merge.explain')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input
            aria-label={t('members.merge.phone')}
            placeholder={t('members.merge.phone')}
            value={phone}
            inputMode="numeric"
            onChange={(e) => {
              setPhone(e.target.value);
              setFound(null);
            }}
            onPressEnter={() => void find()}
          />
          <Button loading={lookup.isPending} disabled={!phone.trim()} onClick={() => void find()}>
            {t('members.merge.find')}
          </Button>
        </Space.Compact>
        {found === 'none' && <Alert type="warning" message={t('members.merge.notFound')} />}
        {same && <Alert type="warning" message={t('members.merge.same')} />}
        {other && !same && (
          <>
            <Alert
              type="success"
              data-testid="merge-found"
              message={t('members.merge.found', {
                phone: other.phoneMasked,
                name: other.name,
                points: other.pointsAvailable,
              })}
              style={{ marginBottom: 12 }}
            />
            <Input
              aria-label={t('members.merge.reason')}
              placeholder={t('members.merge.reason')}
              maxLength={200}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </>
        )}
      </Modal>
    </>
  );
}
