import {
  CheckCircleOutlined,
  CloudOutlined,
  DisconnectOutlined,
  StopOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SyncStatus } from '../../../../src-shared/contract/sync';
import { NAV_ITEMS } from '../../navigation/nav-items';
import { useCurrentSession } from '../../session/session-context';
import { useSyncStatus, useSyncWhenOnline } from './sync-queries';

const LOOK: Record<SyncStatus['state'], { color: string; icon: React.ReactNode }> = {
  unpaired: { color: 'default', icon: <CloudOutlined /> },
  idle: { color: 'success', icon: <CheckCircleOutlined /> },
  syncing: { color: 'processing', icon: <SyncOutlined spin /> },
  offline: { color: 'warning', icon: <DisconnectOutlined /> },
  revoked: { color: 'error', icon: <StopOutlined /> },
};

/** The header's cloud sync light: state and what waits; a click opens the sync page. */
export function SyncIndicator() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { staff } = useCurrentSession();
  const mayOpen = (NAV_ITEMS.sync.roles as readonly string[]).includes(staff.role);
  useSyncWhenOnline();
  const status = useSyncStatus();
  if (!status.data) return null;
  const { state, pendingCount, conflictCount, deadLetterCount } = status.data;
  const look = LOOK[state];
  const attention = conflictCount + deadLetterCount;
  const label =
    state === 'idle' && pendingCount > 0
      ? t('sync.indicator.pending', { count: pendingCount })
      : t(`sync.states.${state}`);
  return (
    <Tooltip title={t('sync.indicator.tooltip', { pending: pendingCount, attention })}>
      <Tag
        color={attention > 0 && state === 'idle' ? 'warning' : look.color}
        icon={look.icon}
        data-testid="header-sync"
        data-state={state}
        style={mayOpen ? { cursor: 'pointer' } : undefined}
        onClick={mayOpen ? () => void navigate(NAV_ITEMS.sync.path) : undefined}
      >
        {label}
        {attention > 0 && ` · ${t('sync.indicator.attention', { count: attention })}`}
      </Tag>
    </Tooltip>
  );
}
