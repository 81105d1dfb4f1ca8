import { Pagination, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedCode } from '../../../../src-shared/contract/coupons';
import { QrCode } from '../../ui/QrCode';
import styles from './CouponsPage.module.css';

const PAGE_SIZE = 9;

/** Codes just issued: grouped by four for reading aloud, each with its QR and a copy button. */
export function IssuedCodes({ codes, timeZone }: { codes: IssuedCode[]; timeZone: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const shown = codes.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <div className={styles.issued}>
      <div className={styles.issuedHeader}>
        <Typography.Text strong>
          {t('coupons.issue.issuedCount', { count: codes.length })}
        </Typography.Text>
        <Typography.Text
          copyable={{
            text: codes.map((code) => code.code).join('\n'),
            tooltips: [t('coupons.issue.copyAll'), t('common.copied')],
          }}
        >
          {t('coupons.issue.copyAll')}
        </Typography.Text>
      </div>
      <ul className={styles.codeGrid}>
        {shown.map((code) => (
          <li key={code.code} className={styles.codeCard}>
            <QrCode
              payload={code.qrPayload}
              alt={t('coupons.issue.qrOf', { code: code.display })}
            />
            <Typography.Text
              className={styles.code}
              data-testid="issued-code"
              copyable={{
                text: code.code,
                tooltips: [t('coupons.issue.copy'), t('common.copied')],
              }}
            >
              {code.display}
            </Typography.Text>
            <Typography.Text type="secondary" className={styles.validUntil}>
              {t('coupons.issue.validUntil', {
                date: dayjs(code.validUntil).tz(timeZone).format('YYYY-MM-DD'),
              })}
            </Typography.Text>
          </li>
        ))}
      </ul>
      {codes.length > PAGE_SIZE && (
        <Pagination
          align="center"
          current={page}
          pageSize={PAGE_SIZE}
          total={codes.length}
          showSizeChanger={false}
          onChange={setPage}
        />
      )}
    </div>
  );
}
