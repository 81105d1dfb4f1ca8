import { ExperimentOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/queries';
import { useErrorText } from '../../i18n/error-text';
import { LOGIN_PATH } from '../../navigation/paths';

/** Whether the shop open now is the demo shop (the answer of the start-up check). */
export function useIsDemoShop(): boolean {
  const status = useApiQuery('setup.status', {}, { staleTime: Infinity });
  return status.data?.demo === true;
}

/** After a switch everything the window knows is of the other shop: start over at its login. */
function restartAtLogin() {
  window.location.hash = `#${LOGIN_PATH}`;
  window.location.reload();
}

/**
 * Opens the demo shop, after saying what it is: a separate shop with its own data, the real one
 * untouched. The first time it is made (about half a minute).
 */
export function useEnterDemoShop() {
  const { t } = useTranslation();
  const api = useApi();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const [entering, setEntering] = useState(false);
  const enter = () =>
    modal.confirm({
      title: t('demoShop.enterTitle'),
      content: t('demoShop.enterText'),
      okText: t('demoShop.enterOk'),
      cancelText: t('common.cancel'),
      icon: <ExperimentOutlined />,
      onOk: async () => {
        setEntering(true);
        try {
          await api.call('shop.enterDemo', {});
          restartAtLogin();
        } catch (error) {
          setEntering(false);
          message.error(errorText(error));
        }
      },
    });
  return { enter, entering };
}

/** In the header of the demo shop: a mark nobody can miss. */
export function DemoShopTag() {
  const { t } = useTranslation();
  return (
    <Tag
      color="orange"
      icon={<ExperimentOutlined />}
      data-testid="demo-shop-tag"
      className="demo-shop-tag"
    >
      {t('demoShop.badge')}
    </Tag>
  );
}

/** The way back to the real shop (asked first); the demo session ends. */
export function LeaveDemoButton() {
  const { t } = useTranslation();
  const api = useApi();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const leave = () =>
    modal.confirm({
      title: t('demoShop.leaveTitle'),
      content: t('demoShop.leaveText'),
      okText: t('demoShop.leaveOk'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          if (api.mayHaveSession()) await api.call('auth.logout', {}).catch(() => undefined);
          await api.call('shop.leaveDemo', {});
          restartAtLogin();
        } catch (error) {
          message.error(errorText(error));
        }
      },
    });
  return (
    <Button size="small" icon={<LogoutOutlined />} onClick={leave}>
      {t('demoShop.leave')}
    </Button>
  );
}

/** Above every page of the demo shop: what it is, and the way out. */
export function DemoShopBar() {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      icon={<ExperimentOutlined />}
      data-testid="demo-shop"
      title={t('demoShop.bar')}
      action={<LeaveDemoButton />}
      style={{ marginBottom: 16 }}
    />
  );
}
