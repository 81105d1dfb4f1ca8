import { Avatar } from 'antd';
import type { Role } from '../../../src-shared/contract';

// The same hues as the role tags (gold, purple, cyan), dark enough for white text.
const ROLE_BACKGROUNDS: Record<Role, string> = {
  owner: '#d48806',
  manager: '#722ed1',
  cashier: '#08979c',
};

/** A round badge with the first character of the name: 王店主 → 王. */
export function StaffAvatar({
  name,
  role,
  size = 48,
}: {
  name: string;
  role: Role;
  size?: number;
}) {
  return (
    <Avatar size={size} style={{ background: ROLE_BACKGROUNDS[role], fontSize: size * 0.42 }}>
      {Array.from(name)[0]}
    </Avatar>
  );
}
