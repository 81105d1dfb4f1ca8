import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  LoadingOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import { Alert, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CampaignCheck } from '../../../../src-shared/contract/outreach';
import { formatFen } from '../../../../src-shared/money';
import type { ApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';
import styles from './Outreach.module.css';

export const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** The checker's answer as the query gives it (the last answer stays while the next is asked). */
export interface CheckState {
  data: CampaignCheck | undefined;
  isFetching: boolean;
  error: ApiError | null;
}

/** A cost worked out here when the checker has no recipients yet (before the campaign exists). */
export interface CostEstimate {
  recipients: number;
  pricePerPartFen: number;
}

/**
 * The SMS checker's verdict beside the text: every broken rule by name in red, the length and
 * the parts it is billed as, the cost, and when it will go (deferred to the next 08:00 said
 * plainly).
 */
export function SmsChecker({
  check,
  sendAt,
  timeZone,
  estimate,
  showWindow = true,
}: {
  check: CheckState;
  /** The time asked for; null: as soon as it is sent. */
  sendAt: number | null;
  timeZone: string;
  estimate?: CostEstimate | null;
  showWindow?: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { data } = check;
  const at = (ms: number) => dayjs(ms).tz(timeZone).format(TIME_FORMAT);

  const cost = () => {
    if (!data) return null;
    if (data.costFen !== null) return t('outreach.checker.cost', { cost: formatFen(data.costFen) });
    if (!estimate) return null;
    return t('outreach.checker.costEstimate', {
      cost: formatFen(data.message.parts * estimate.recipients * estimate.pricePerPartFen),
      count: estimate.recipients,
      parts: data.message.parts,
      price: formatFen(estimate.pricePerPartFen),
    });
  };

  return (
    <div className={styles.checker} data-testid="sms-checker" aria-live="polite">
      <div className={styles.checkerHead}>
        <Typography.Text strong>{t('outreach.checker.title')}</Typography.Text>
        {check.isFetching && (
          <Typography.Text type="secondary" className={styles.counting}>
            <LoadingOutlined /> {t('outreach.checker.checking')}
          </Typography.Text>
        )}
      </div>
      {check.error && !data && (
        <Alert
          type="error"
          showIcon
          title={t('outreach.checker.failed', { error: errorText(check.error) })}
        />
      )}
      {data && (
        <>
          {data.message.rules.length === 0 ? (
            <div className={styles.verdictOk} data-testid="checker-ok">
              <CheckCircleFilled /> {t('outreach.checker.ok')}
            </div>
          ) : (
            <div className={styles.verdictBroken} data-testid="checker-broken">
              <div>{t('outreach.checker.broken')}</div>
              <ul>
                {data.message.rules.map((rule) => (
                  <li key={rule} data-rule={rule}>
                    <CloseCircleFilled /> {t(`smsRules.${rule}`)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className={styles.checkerLine} data-testid="checker-length">
            {t('outreach.checker.length', {
              units: data.message.units,
              parts: data.message.parts,
            })}{' '}
            <Tooltip title={t('outreach.checker.lengthHelp')}>
              <QuestionCircleOutlined className={styles.help} />
            </Tooltip>
          </div>
          {cost() && (
            <div className={styles.checkerLine} data-testid="checker-cost">
              {cost()}
            </div>
          )}
          {showWindow &&
            (data.window.deferred ? (
              <Alert
                type="warning"
                showIcon
                icon={<ClockCircleOutlined />}
                className={styles.deferred}
                data-testid="checker-deferred"
                title={t('outreach.checker.deferredTitle')}
                description={t('outreach.checker.deferredAt', { time: at(data.window.sendsAt) })}
              />
            ) : (
              <div className={styles.checkerLine} data-testid="checker-window">
                <ClockCircleOutlined />{' '}
                {sendAt === null
                  ? t('outreach.checker.sendsNow')
                  : t('outreach.checker.sendsAt', { time: at(data.window.sendsAt) })}
              </div>
            ))}
          {data.message.walletLink && (
            <Typography.Text type="secondary" className={styles.small}>
              {t('outreach.message.walletLink', { link: data.message.walletLink })}
            </Typography.Text>
          )}
        </>
      )}
    </div>
  );
}
