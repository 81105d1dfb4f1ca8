import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../src-shared/contract';
import { formatFen } from '../../../../src-shared/money';
import { downloadBlob } from '../../files/download';
import { printSection } from '../../ui/print-section';

type MemberData = OutputOf<'members.export'>;

/**
 * 导出资料 (PIPL access request): everything kept about a member as a readable A4 sheet, printed
 * or saved as PDF through the browser's print dialog, and the same as a JSON file.
 */
export function MemberDataSheet({
  data,
  timeZone,
  onClose,
}: {
  data: MemberData;
  timeZone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const sheet = useRef<HTMLDivElement>(null);
  const at = (ms: number) => dayjs(ms).tz(timeZone).format(t('formats.dateTime'));
  const day = (ms: number) => dayjs(ms).tz(timeZone).format('YYYY-MM-DD');
  const { member, points } = data;

  const downloadJson = () =>
    downloadBlob(
      new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      `member-${member.id}.json`,
    );

  return (
    <Modal
      open
      width={860}
      title={t('members.dataSheet.title')}
      onCancel={onClose}
      footer={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={downloadJson}>
            {t('members.dataSheet.json')}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => sheet.current && printSection(sheet.current)}
          >
            {t('members.dataSheet.print')}
          </Button>
        </Space>
      }
    >
      <div ref={sheet} data-testid="member-data-sheet">
        <Typography.Title level={4}>
          {t('members.dataSheet.heading', { name: member.name || member.phoneMasked })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('members.dataSheet.exportedAt', { at: at(data.exportedAt) })}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={2}
          bordered
          title={t('members.detail.profile')}
          items={[
            { label: t('members.phone'), children: member.phone },
            { label: t('members.name'), children: member.name || '—' },
            {
              label: t('members.detail.gender'),
              children: t(`members.detail.genders.${member.gender}`),
            },
            {
              label: t('members.detail.birthday'),
              children: member.birthday
                ? `${member.birthYear ? `${member.birthYear}-` : ''}${member.birthday}`
                : '—',
            },
            { label: t('members.level'), children: member.levelName ?? t('members.noLevel') },
            { label: t('members.joined'), children: day(member.createdAt) },
            { label: t('members.tags'), children: member.tags.join('、') || '—' },
            { label: t('members.detail.note'), children: member.note || '—' },
          ]}
        />
        <Typography.Title level={5}>{t('members.detail.consentLog')}</Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey={(row) => `${row.purpose}:${row.at}`}
          dataSource={member.consentLog}
          columns={[
            { key: 'at', title: t('members.detail.time'), render: (_, row) => at(row.at) },
            {
              key: 'purpose',
              title: t('members.dataSheet.purpose'),
              render: (_, row) => t(`members.purposes.${row.purpose}`),
            },
            {
              key: 'granted',
              title: t('members.dataSheet.answer'),
              render: (_, row) =>
                row.granted ? t('members.detail.granted') : t('members.detail.refused'),
            },
            {
              key: 'source',
              title: t('members.dataSheet.source'),
              render: (_, row) => t(`members.sources.${row.source}`, { defaultValue: row.source }),
            },
            { key: 'text', title: t('members.dataSheet.textShown'), dataIndex: 'textShown' },
          ]}
        />
        <Typography.Title level={5}>{t('members.detail.points')}</Typography.Title>
        <Typography.Paragraph>
          {t('members.dataSheet.pointsLine', {
            available: points.available,
            earned: points.earned,
            spent: points.spent,
            expired: points.expired,
            reversed: points.reversed,
          })}
        </Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={data.movements}
          columns={[
            { key: 'at', title: t('members.detail.time'), render: (_, row) => at(row.at) },
            {
              key: 'kind',
              title: t('members.detail.kind'),
              render: (_, row) => t(`members.detail.kinds.${row.kind}`),
            },
            {
              key: 'points',
              title: t('members.detail.points'),
              align: 'right',
              dataIndex: 'points',
            },
          ]}
        />
        <Typography.Title level={5}>{t('members.dataSheet.purchases')}</Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey="saleId"
          dataSource={data.purchases}
          columns={[
            { key: 'at', title: t('members.detail.time'), render: (_, row) => at(row.soldAt) },
            { key: 'store', title: t('members.dataSheet.store'), dataIndex: 'storeName' },
            {
              key: 'paid',
              title: t('members.dataSheet.paid'),
              align: 'right',
              render: (_, row) => formatFen(row.paidFen),
            },
            {
              key: 'refunded',
              title: t('members.dataSheet.refunded'),
              align: 'right',
              render: (_, row) => (row.refundedFen ? formatFen(row.refundedFen) : '—'),
            },
          ]}
        />
        <Typography.Title level={5}>{t('members.dataSheet.coupons')}</Typography.Title>
        <Table
          size="small"
          pagination={false}
          rowKey="display"
          dataSource={data.coupons}
          columns={[
            { key: 'code', title: t('members.dataSheet.code'), dataIndex: 'display' },
            { key: 'template', title: t('members.dataSheet.template'), dataIndex: 'templateName' },
            {
              key: 'status',
              title: t('members.dataSheet.status'),
              render: (_, row) =>
                t(`members.dataSheet.couponStatus.${row.status}`, { defaultValue: row.status }),
            },
            {
              key: 'until',
              title: t('members.dataSheet.validUntil'),
              render: (_, row) => day(row.validUntil),
            },
          ]}
        />
      </div>
    </Modal>
  );
}
