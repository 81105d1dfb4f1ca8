import type { HandlerMap } from '../platform/context';
import type { PointsService } from '../points/service';
import type { LevelsService } from './levels';
import type { MemberMerges } from './merge';
import type { MemberPrivacy } from './privacy';
import type { MemberProfiles } from './profiles';
import type { MembersService } from './service';
import type { MemberSettingsService } from './settings-service';

/** Members, their levels and settings, and their points. */
export const membersHandlers = (
  members: MembersService,
  levels: LevelsService,
  settings: MemberSettingsService,
  points: PointsService,
  privacy: MemberPrivacy,
  profiles: MemberProfiles,
  merges: MemberMerges,
): Pick<
  HandlerMap,
  | 'members.create'
  | 'members.lookup'
  | 'members.get'
  | 'members.list'
  | 'members.update'
  | 'members.setConsent'
  | 'members.export'
  | 'members.delete'
  | 'members.merge'
  | 'members.unmerge'
  | 'members.profile'
  | 'levels.list'
  | 'levels.save'
  | 'memberSettings.get'
  | 'memberSettings.save'
  | 'points.balance'
  | 'points.history'
  | 'points.redeemForCoupon'
> => ({
  'members.create': (input, ctx) => members.create(ctx, input),
  'members.lookup': (input) => members.lookup(input),
  'members.get': (input) => members.get(input.id),
  'members.list': (input) => members.list(input),
  'members.update': (input, ctx) => members.update(ctx, input),
  'members.setConsent': (input, ctx) => members.setConsent(ctx, input),
  'members.export': (input) => privacy.export(input),
  'members.delete': (input, ctx) => privacy.delete(ctx, input),
  'members.merge': (input, ctx) => merges.merge(ctx, input),
  'members.unmerge': (input, ctx) => merges.unmerge(ctx, input),
  'members.profile': (input) => profiles.profile(input),
  'levels.list': () => levels.list(),
  'levels.save': (input, ctx) => levels.save(ctx, input),
  'memberSettings.get': () => settings.get(),
  'memberSettings.save': (input, ctx) => settings.save(ctx, input),
  'points.balance': (input) => points.balance(input.memberId),
  'points.history': (input) => points.history(input),
  'points.redeemForCoupon': (input, ctx) => points.redeemForCoupon(ctx, input),
});
