import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../src-shared/contract';

const ROLE_COLORS: Record<Role, string> = {
  owner: 'gold',
  manager: 'purple',
  cashier: 'cyan',
};

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROLE_COLORS[role]} variant="filled">
      {t(`roles.${role}`)}
    </Tag>
  );
}
