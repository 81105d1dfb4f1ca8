// Generated from src-shared/contract by test/unit/electron/preload.test.ts: do not edit.
// After changing the contract: npx vitest run test/unit/electron -u
// The preload checks names against these lists without bundling zod and every schema.
import type { EventName, MethodName } from '../src-shared/contract';

export const METHOD_NAMES = [
  'setup.status',
  'setup.initialize',
  'auth.loginOptions',
  'auth.login',
  'auth.logout',
  'auth.session',
  'auth.unlock',
  'staff.list',
  'staff.create',
  'staff.update',
  'staff.deactivate',
  'staff.reactivate',
  'staff.resetPin',
  'stores.list',
  'stores.create',
  'stores.update',
  'terminals.create',
  'terminals.update',
  'terminals.whoami',
  'apiKeys.list',
  'apiKeys.create',
  'apiKeys.revoke',
  'audit.list',
] as const satisfies readonly MethodName[];

export const EVENT_NAMES = [
  'session.revoked',
  'staff.changed',
  'stores.changed',
  'audit.appended',
] as const satisfies readonly EventName[];
