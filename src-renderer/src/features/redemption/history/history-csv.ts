import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { Redemption } from '../../../../../src-shared/contract/redemption';
import { maskPhone } from '../../../../../src-shared/phone';
import { csvBlob } from '../../../files/csv';
import { fenToYuanText } from '../../../forms/money';

/** The rows on screen as a CSV file, with the same columns people see (phones masked). */
export function historyCsv(t: TFunction, rows: Redemption[], timeZone: string): Blob {
  const time = (ms: number | null) =>
    ms === null ? '' : dayjs(ms).tz(timeZone).format('YYYY-MM-DD HH:mm:ss');
  return csvBlob(
    [
      t('history.columns.time'),
      t('history.columns.code'),
      t('history.columns.template'),
      t('history.columns.store'),
      t('history.columns.terminal'),
      t('history.columns.staff'),
      t('history.columns.customer'),
      t('history.csv.subtotal'),
      t('history.csv.discount'),
      t('common.status'),
      t('history.csv.voidedAt'),
      t('history.csv.voidedBy'),
      t('history.csv.voidReason'),
    ],
    rows.map((row) => [
      time(row.createdAt),
      row.display,
      row.templateName,
      row.storeName,
      row.terminalCode,
      row.staffName,
      row.customerPhone ? maskPhone(row.customerPhone) : '',
      fenToYuanText(row.subtotalFen),
      fenToYuanText(row.discountFen),
      t(`history.status.${row.status}`),
      time(row.voidedAt),
      row.voidedByName,
      row.voidReason,
    ]),
  );
}
