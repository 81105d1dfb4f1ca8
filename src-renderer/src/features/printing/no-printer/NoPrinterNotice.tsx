import { PrinterOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MANAGERS, type Role } from '../../../../../src-shared/contract';
import { NAV_ITEMS } from '../../../navigation/nav-items';
import { useCurrentSession } from '../../../session/session-context';
import styles from './NoPrinter.module.css';

/**
 * Where a slip would print but no slip printer is set up: say so plainly and offer the two ways
 * on — set one up (a manager's page; a cashier is told whom to ask), or print the slips on an
 * ordinary printer through the browser (A4), where the slips are known on screen.
 */
export function NoPrinterNotice({ onPrintA4 }: { onPrintA4?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { staff } = useCurrentSession();
  const manager = (MANAGERS as readonly Role[]).includes(staff.role);
  return (
    <Alert
      type="info"
      showIcon
      title={t('noPrinter.title')}
      description={
        <>
          {manager ? t('noPrinter.textManager') : t('noPrinter.textCashier')}
          <div className={styles.actions}>
            {manager && (
              <Button
                icon={<SettingOutlined />}
                onClick={() => void navigate(NAV_ITEMS.printers.path)}
              >
                {t('noPrinter.setUp')}
              </Button>
            )}
            {onPrintA4 && (
              <Button type="primary" icon={<PrinterOutlined />} onClick={onPrintA4}>
                {t('noPrinter.printA4')}
              </Button>
            )}
          </div>
        </>
      }
    />
  );
}
