import { ROLES, type Role } from '../../../../src-shared/contract';
import type { Staff } from '../../../../src-shared/contract/staff';

// The same rule the app enforces: owners manage everyone, managers manage cashiers only.
const RANK: Record<Role, number> = { owner: 3, manager: 2, cashier: 1 };

/** The roles this staff member may give someone (in the create and edit forms). */
export const assignableRoles = (actorRole: Role): Role[] =>
  ROLES.filter((role) => actorRole === 'owner' || RANK[role] < RANK[actorRole]);

/** Whether this staff member may edit, deactivate or reset the PIN of `target`. */
export const mayManage = (actor: { id: string; role: Role }, target: Staff): boolean =>
  target.id === actor.id || actor.role === 'owner' || RANK[target.role] < RANK[actor.role];
