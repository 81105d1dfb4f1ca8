import { PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Input,
  Select,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS, type Role } from '../../../../src-shared/contract';
import type { DayCloseReport, Shift } from '../../../../src-shared/contract/till';
import { formatFen, parseYuan } from '../../../../src-shared/money';
import { dayCloseSlipOf, differenceText } from '../../../../src-shared/slips/till';
import { localDate, localDateTime } from '../../../../src-shared/time';
import { isApiError } from '../../api/api-error';
import { useApiQuery } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStores } from '../../shop-data/stores';
import { Money } from '../../ui/Money';
import { PageHeader } from '../../ui/PageHeader';
import { StoreSelect, useDefaultStoreId } from '../../ui/StoreSelect';
import { NO_PRINTER_CODES, NoPrinterModal } from '../printing/no-printer/NoPrinterModal';
import { SlipPreview } from '../printing/slip-preview/SlipPreview';
import {
  useCloseList,
  useCommitClose,
  useCurrentShift,
  useDayClosePreview,
  useHandover,
  useOpenShift,
  usePrintClose,
} from './till-queries';
import styles from './Till.module.css';

/**
 * 交班日结: the shift at this till (float in, the drawer counted at handover, 长款/短款 with a
 * manager's PIN over the limit) and, for managers, the business day's close with its slip.
 */
export function TillPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const defaultStoreId = useDefaultStoreId(session.storeId);
  const [chosenStoreId, setStoreId] = useState<string | undefined>();
  const storeId = chosenStoreId ?? defaultStoreId;
  const isManager = (MANAGERS as readonly Role[]).includes(session.staff.role);
  return (
    <div className={styles.page}>
      <PageHeader
        title={t('till.page.title')}
        subtitle={t('till.page.subtitle')}
        extra={
          <StoreSelect
            value={storeId}
            onChange={setStoreId}
            disabled={!!session.storeId}
            aria-label={t('sale.store')}
          />
        }
      />
      <div className={styles.columns}>
        <ShiftCard storeId={storeId} />
        {isManager && storeId && <CloseCard storeId={storeId} />}
      </div>
    </div>
  );
}

function ShiftCard({ storeId }: { storeId: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const current = useCurrentShift(storeId);
  const openShift = useOpenShift();
  const handover = useHandover();
  const [floatText, setFloatText] = useState('');
  const [countedText, setCountedText] = useState('');
  const [note, setNote] = useState('');
  const [needsManager, setNeedsManager] = useState(false);
  const [managerId, setManagerId] = useState<string | undefined>();
  const [pin, setPin] = useState('');
  const [done, setDone] = useState<Shift | null>(null);
  const options = useApiQuery('auth.loginOptions', {}, { enabled: needsManager });
  const managers = options.data?.staff.filter((person) => person.role !== 'cashier') ?? [];
  const manager = managerId ?? managers[0]?.id;

  const open = async () => {
    const floatFen = parseYuan(floatText || '0');
    if (floatFen === null) return void message.error(t('validation.yuan'));
    try {
      await openShift.mutateAsync({ storeId, floatFen });
      message.success(t('till.shift.opened'));
      setFloatText('');
      setDone(null);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const handOver = async () => {
    const countedFen = parseYuan(countedText);
    if (countedFen === null) return void message.error(t('validation.yuan'));
    try {
      const shift = await handover.mutateAsync({
        storeId,
        countedFen,
        note: note || undefined,
        ...(needsManager && manager && pin ? { managerId: manager, managerPin: pin } : {}),
      });
      setDone(shift);
      setCountedText('');
      setNote('');
      setPin('');
      setNeedsManager(false);
      message.success(
        t('till.shift.handedOver', { difference: differenceText(shift.differenceFen ?? 0) }),
      );
    } catch (error) {
      if (isApiError(error) && error.code === 'HANDOVER_NEEDS_MANAGER') setNeedsManager(true);
      message.error(errorText(error));
    }
  };

  const shift = current.data;
  return (
    <Card title={t('till.shift.title')}>
      {done && (
        <Alert
          type={done.differenceFen ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          title={t('till.shift.handedOver', {
            difference: differenceText(done.differenceFen ?? 0),
          })}
          data-testid="handover-result"
        />
      )}
      {!shift ? (
        <div className={styles.form}>
          <Typography.Text type="secondary">{t('till.shift.none')}</Typography.Text>
          <Input
            size="large"
            prefix="¥"
            value={floatText}
            onChange={(event) => setFloatText(event.target.value)}
            onPressEnter={() => void open()}
            aria-label={t('till.shift.float')}
            placeholder={t('till.shift.float')}
          />
          <Button
            type="primary"
            size="large"
            loading={openShift.isPending}
            onClick={() => void open()}
          >
            {t('till.shift.open')}
          </Button>
        </div>
      ) : (
        <div className={styles.form}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'staff', label: t('till.shift.staff'), children: shift.staffName ?? '—' },
              {
                key: 'float',
                label: t('till.shift.float'),
                children: <Money fen={shift.floatFen} />,
              },
              {
                key: 'expected',
                label: t('till.shift.expected'),
                children: (
                  <span data-testid="shift-expected">
                    <Money fen={shift.expectedFen} />
                  </span>
                ),
              },
            ]}
          />
          <Input
            size="large"
            prefix="¥"
            value={countedText}
            onChange={(event) => setCountedText(event.target.value)}
            onPressEnter={() => void handOver()}
            aria-label={t('till.shift.counted')}
            placeholder={t('till.shift.counted')}
          />
          <Input
            value={note}
            maxLength={200}
            onChange={(event) => setNote(event.target.value)}
            onPressEnter={() => void handOver()}
            aria-label={t('till.shift.note')}
            placeholder={t('till.shift.notePlaceholder')}
          />
          {needsManager && (
            <>
              <Alert type="warning" showIcon title={t('till.shift.needsManager')} />
              <Select
                value={manager}
                onChange={setManagerId}
                options={managers.map((person) => ({ value: person.id, label: person.name }))}
                aria-label={t('till.shift.manager')}
              />
              <Input.Password
                autoFocus
                inputMode="numeric"
                maxLength={6}
                value={pin}
                onChange={(event) => setPin(event.target.value)}
                onPressEnter={() => void handOver()}
                aria-label={t('till.shift.managerPin')}
                placeholder={t('till.shift.managerPin')}
              />
            </>
          )}
          <Button
            type="primary"
            size="large"
            loading={handover.isPending}
            onClick={() => void handOver()}
          >
            {t('till.shift.handover')}
          </Button>
        </div>
      )}
    </Card>
  );
}

function CloseCard({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const stores = useStores();
  const timeZone = stores.data?.find((store) => store.id === storeId)?.timezone ?? 'Asia/Shanghai';
  const [date, setDate] = useState(() => localDate(Date.now(), timeZone));
  const report = useDayClosePreview({ storeId, businessDate: date });
  const commit = useCommitClose();
  const printClose = usePrintClose();
  const closes = useCloseList(storeId, true);
  const options = useApiQuery('auth.loginOptions', {});
  const merchantName = options.data?.merchantName ?? '';
  const slip = useMemo(
    () =>
      report.data
        ? dayCloseSlipOf(
            58,
            report.data,
            merchantName,
            localDateTime(report.dataUpdatedAt, timeZone),
          )
        : null,
    [report.data, report.dataUpdatedAt, merchantName, timeZone],
  );

  const close = () =>
    modal.confirm({
      title: t('till.close.commit'),
      content: t('till.close.confirm', { date }),
      okText: t('till.close.commit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await commit.mutateAsync({ storeId, businessDate: date });
          message.success(t('till.close.committed', { date }));
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });
  // Without a slip printer the day close is shown with the printers page and A4 offered.
  const [unprinted, setUnprinted] = useState(false);
  const print = async () => {
    try {
      await printClose.mutateAsync({ storeId, businessDate: date });
      message.success(t('till.close.printed'));
    } catch (error) {
      if (isApiError(error) && NO_PRINTER_CODES.includes(error.code)) setUnprinted(true);
      else message.error(errorText(error));
    }
  };

  const data = report.data;
  return (
    <Card
      title={t('till.close.title')}
      extra={
        <div className={styles.toolbar}>
          <DatePicker
            allowClear={false}
            value={dayjs(date)}
            onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))}
            aria-label={t('till.close.date')}
          />
          <Button icon={<PrinterOutlined />} onClick={() => void print()}>
            {t('till.close.print')}
          </Button>
          <Button type="primary" danger disabled={!data || data.closed} onClick={close}>
            {t('till.close.commit')}
          </Button>
        </div>
      }
    >
      {data && (
        <div className={styles.closeBody}>
          <div className={styles.form}>
            {data.closed && (
              <Alert
                type="success"
                showIcon
                title={t('till.close.closedAt', {
                  time: data.closedAt ? localDateTime(data.closedAt, timeZone) : '',
                  name: data.closedByName ?? '',
                })}
              />
            )}
            {data.openShifts > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('till.close.openShifts', { count: data.openShifts })}
              />
            )}
            <CloseTable report={data} />
            {(closes.data ?? []).length > 0 && (
              <Table
                size="small"
                rowKey="businessDate"
                pagination={false}
                title={() => t('till.close.history')}
                dataSource={closes.data}
                columns={[
                  { key: 'date', title: t('till.close.date'), dataIndex: 'businessDate' },
                  {
                    key: 'net',
                    title: t('till.close.net'),
                    align: 'right',
                    render: (_, row) => <Money fen={row.netFen} />,
                  },
                  {
                    key: 'difference',
                    title: t('till.shift.difference'),
                    align: 'right',
                    render: (_, row) => differenceText(row.differenceFen),
                  },
                ]}
              />
            )}
          </div>
          {slip && <SlipPreview slip={slip} scale={0.6} />}
        </div>
      )}
      {unprinted && slip && (
        <NoPrinterModal
          title={t('noPrinter.closeTitle')}
          slip={slip}
          onClose={() => setUnprinted(false)}
        />
      )}
    </Card>
  );
}

function CloseTable({ report }: { report: DayCloseReport }) {
  const { t } = useTranslation();
  const refunds = new Map(report.refunds.map((r) => [r.kind, r]));
  const rows = report.net.map((net) => ({
    kind: net.kind,
    tender: report.tenders.find((t) => t.kind === net.kind),
    refund: refunds.get(net.kind),
    netFen: net.amountFen,
  }));
  return (
    <Table
      size="small"
      rowKey="kind"
      pagination={false}
      dataSource={rows}
      data-testid="close-table"
      columns={[
        {
          key: 'kind',
          title: t('till.close.tender'),
          render: (_, row) => t(`till.kinds.${row.kind}`),
        },
        {
          key: 'count',
          title: t('till.close.count'),
          align: 'right',
          render: (_, row) => row.tender?.count ?? 0,
        },
        {
          key: 'sales',
          title: t('till.close.sales'),
          align: 'right',
          render: (_, row) => <Money fen={row.tender?.amountFen ?? 0} />,
        },
        {
          key: 'refunds',
          title: t('till.close.refunds'),
          align: 'right',
          render: (_, row) => <Money fen={row.refund?.amountFen ?? 0} negative />,
        },
        {
          key: 'net',
          title: t('till.close.net'),
          align: 'right',
          render: (_, row) => <Money fen={row.netFen} />,
        },
      ]}
      summary={() => (
        <>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              {t('till.close.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="close-net">{formatFen(report.netFen)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              {t('till.close.coupons')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {report.coupons.count} · {formatFen(report.coupons.amountFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              {t('till.close.voided')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {report.couponsVoided.count} · {formatFen(report.couponsVoided.amountFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              {t('till.close.cashback')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {report.cashbackPaid.count} · {formatFen(report.cashbackPaid.amountFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              {t('till.close.difference')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {differenceText(report.differenceFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </>
      )}
    />
  );
}
