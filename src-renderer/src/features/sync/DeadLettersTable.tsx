import { App, Button, Card, Popconfirm, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { useDeadLetters, useDiscardDeadLetter, useRetryDeadLetter } from './sync-queries';

/** Changes the cloud refused for good, with its reason; retried or given up by a manager. */
export function DeadLettersTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const letters = useDeadLetters();
  const retry = useRetryDeadLetter();
  const discard = useDiscardDeadLetter();
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Card title={t('sync.deadLetters.title')} extra={t('sync.deadLetters.explain')}>
      <Table
        rowKey="eventId"
        size="small"
        data-testid="sync-dead-letters"
        loading={letters.isLoading}
        dataSource={letters.data ?? []}
        pagination={false}
        locale={{ emptyText: t('sync.deadLetters.none') }}
        columns={[
          { title: t('sync.deadLetters.kind'), dataIndex: 'eventKind', width: 180 },
          {
            title: t('sync.deadLetters.reason'),
            render: (_, row) => `${row.errorCode ?? ''} ${row.errorMessage ?? ''}`.trim(),
          },
          {
            title: t('sync.deadLetters.at'),
            width: 170,
            render: (_, row) => dayjs(row.createdAt).format(t('formats.dateTime')),
          },
          {
            title: t('common.actions'),
            width: 170,
            render: (_, row) => (
              <Space>
                <Button
                  size="small"
                  onClick={() =>
                    void act(
                      () => retry.mutateAsync({ eventId: row.eventId }),
                      t('sync.deadLetters.retried'),
                    )
                  }
                >
                  {t('sync.deadLetters.retry')}
                </Button>
                <Popconfirm
                  title={t('sync.deadLetters.discardConfirm')}
                  onConfirm={() =>
                    void act(
                      () => discard.mutateAsync({ eventId: row.eventId }),
                      t('sync.deadLetters.discarded'),
                    )
                  }
                  okText={t('sync.deadLetters.discard')}
                  cancelText={t('common.cancel')}
                >
                  <Button size="small" danger>
                    {t('sync.deadLetters.discard')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
