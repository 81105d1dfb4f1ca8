import type { InputOf } from '../../../../src-shared/contract';
import { useApiMutation, useApiQuery } from '../../api/queries';

const AFTER_MEMBER = ['members.list', 'members.get', 'members.lookup'] as const;

export const useMembers = (input: InputOf<'members.list'>) => useApiQuery('members.list', input);
export const useMember = (id: string | null) =>
  useApiQuery('members.get', { id: id ?? '' }, { enabled: !!id });
export const usePoints = (memberId: string | null) =>
  useApiQuery('points.balance', { memberId: memberId ?? '' }, { enabled: !!memberId });
export const usePointsHistory = (memberId: string | null) =>
  useApiQuery('points.history', { memberId: memberId ?? '', limit: 100 }, { enabled: !!memberId });
export const useMemberSettings = () => useApiQuery('memberSettings.get', {});
export const useLevels = () => useApiQuery('levels.list', {});

export const useLookupMember = () => useApiMutation('members.lookup');
export const useCreateMember = () =>
  useApiMutation('members.create', { invalidates: AFTER_MEMBER });
export const useSetConsent = () =>
  useApiMutation('members.setConsent', { invalidates: AFTER_MEMBER });
export const useUpdateMember = () =>
  useApiMutation('members.update', { invalidates: AFTER_MEMBER });
// A merge moves points and spend between two members: their balances are read again.
const AFTER_MERGE = [
  ...AFTER_MEMBER,
  'points.balance',
  'points.history',
  'members.profile',
] as const;
export const useMergeMembers = () => useApiMutation('members.merge', { invalidates: AFTER_MERGE });
export const useUnmergeMember = () =>
  useApiMutation('members.unmerge', { invalidates: AFTER_MERGE });
export const useDeleteMember = () =>
  useApiMutation('members.delete', { invalidates: AFTER_MEMBER });
// The preview writes nothing; the import adds members (and their opening points).
export const useImportMembersPreview = () => useApiMutation('members.importPreview');
export const useImportMembers = () =>
  useApiMutation('members.import', {
    invalidates: [...AFTER_MEMBER, 'points.balance', 'audit.list'],
  });
export const useSaveMemberSettings = () =>
  useApiMutation('memberSettings.save', { invalidates: ['memberSettings.get'] });
export const useSaveLevels = () =>
  useApiMutation('levels.save', { invalidates: ['levels.list', ...AFTER_MEMBER] });
