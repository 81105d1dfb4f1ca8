import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Skeleton, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OWNER, type Role } from '../../../../src-shared/contract';
import type { Store, Terminal } from '../../../../src-shared/contract/stores';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentSession } from '../../session/session-context';
import { useStores } from '../../shop-data/stores';
import { PageHeader } from '../../ui/PageHeader';
import { ApiKeysDrawer } from './ApiKeysDrawer';
import { StoreCard } from './StoreCard';
import { StoreFormModal } from './StoreFormModal';
import { useUpdateTerminal } from './stores-queries';
import { TerminalFormModal } from './TerminalFormModal';
import type { TerminalAction } from './TerminalsTable';
import styles from './StoresPage.module.css';

type OpenDialog =
  | { kind: 'store'; store: Store | null }
  | { kind: 'terminal'; store: Store; terminal: Terminal | null }
  | { kind: 'keys'; store: Store; terminal: Terminal };

/** Stores, their tills, and the keys POS terminals connect with. */
export function StoresPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { staff } = useCurrentSession();
  const stores = useStores();
  const updateTerminal = useUpdateTerminal();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const mayCreateStore = (OWNER as readonly Role[]).includes(staff.role);
  const close = () => setDialog(null);

  const onTerminalAction = async (store: Store, action: TerminalAction, terminal: Terminal) => {
    if (action === 'keys') return setDialog({ kind: 'keys', store, terminal });
    if (action === 'rename') return setDialog({ kind: 'terminal', store, terminal });
    try {
      await updateTerminal.mutateAsync({ id: terminal.id, active: action === 'activate' });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const addStore = (
    <Button
      type="primary"
      size="large"
      icon={<PlusOutlined />}
      disabled={!mayCreateStore}
      onClick={() => setDialog({ kind: 'store', store: null })}
    >
      {t('stores.add')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('stores.title')}
        subtitle={t('stores.subtitle')}
        extra={
          mayCreateStore ? addStore : <Tooltip title={t('stores.ownerOnly')}>{addStore}</Tooltip>
        }
      />
      {stores.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {stores.isError && <Alert type="error" showIcon title={errorText(stores.error)} />}
      {stores.data?.length === 0 && <Empty description={t('stores.empty')} />}
      <div className={styles.list}>
        {stores.data?.map((store) => (
          <StoreCard
            key={store.id}
            store={store}
            onEdit={() => setDialog({ kind: 'store', store })}
            onAddTerminal={() => setDialog({ kind: 'terminal', store, terminal: null })}
            onTerminalAction={(action, terminal) => void onTerminalAction(store, action, terminal)}
          />
        ))}
      </div>
      {dialog?.kind === 'store' && <StoreFormModal editing={dialog.store} onClose={close} />}
      {dialog?.kind === 'terminal' && (
        <TerminalFormModal store={dialog.store} renaming={dialog.terminal} onClose={close} />
      )}
      {dialog?.kind === 'keys' && (
        <ApiKeysDrawer store={dialog.store} terminal={dialog.terminal} onClose={close} />
      )}
    </>
  );
}
